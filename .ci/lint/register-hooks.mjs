// node --import ./register-hooks.mjs lint-forms.mjs …
import { register } from 'node:module';

register('./resolve-extensions.mjs', import.meta.url);
