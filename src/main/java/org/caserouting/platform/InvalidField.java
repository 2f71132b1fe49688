package org.caserouting.platform;

/** One thing wrong with a request: the JSON path of the field and what is wrong with it. */
public record InvalidField(String field, String message) {}
