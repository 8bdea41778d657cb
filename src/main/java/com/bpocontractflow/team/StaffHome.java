package com.bpocontractflow.team;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The application's address leads staff to Tasklist, where they work (its own login page when they are
 * not logged in), not to Camunda's welcome page.
 */
@Controller
class StaffHome {

  static final String TASKLIST = "/camunda/app/tasklist/";

  @GetMapping("/")
  String home() {
    return "redirect:" + TASKLIST;
  }
}
