package org.caserouting.documents;

/**
 * A file that passed every check: its type read from its bytes, its content scanned, its SHA-256
 * the address it is stored under and the value the case records.
 */
public record CheckedFile(String documentCode, String fileName, String mediaType, long size, String sha256, byte[] content) {}
