package org.caserouting.catalog;

/** What the decision tables say about an application type: its channel, why, and its route. */
public record Handling(Channel channel, String reasonCode, String reason, String reasonEn, Route route) {}
