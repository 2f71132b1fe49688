package org.caserouting.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/case-types")
class CaseTypeController {

  private final Catalog catalog;

  CaseTypeController(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  List<CaseTypeView> list(
      @RequestParam(required = false) Category category,
      @RequestParam(required = false) Route route,
      @RequestParam(required = false) Channel channel) {
    return catalog.caseTypes(category, route, channel);
  }

  @GetMapping("/{code}")
  CaseTypeView get(@PathVariable String code) {
    return catalog.caseType(code);
  }

  /** The schema alone, at the address its {@code $id} names. */
  @GetMapping(value = "/{code}/application-schema", produces = "application/schema+json")
  ObjectNode applicationSchema(@PathVariable String code) {
    return catalog.caseType(code).applicationSchema();
  }
}
