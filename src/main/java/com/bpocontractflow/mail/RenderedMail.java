package com.bpocontractflow.mail;

/** A rendered e-mail: subject, HTML body and its plain-text alternative. */
public record RenderedMail(String subject, String html, String text) {
}
