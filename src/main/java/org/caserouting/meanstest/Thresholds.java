package org.caserouting.meanstest;

import java.math.BigDecimal;

/**
 * The means test's thresholds a municipality announced for a year (dmn/means-test-thresholds.dmn).
 *
 * @param basicWage the monthly basic wage (基本工資) counted for a working-age member without recorded work
 *     income (§5-1)
 * @param demoData the figures are the project's demo, not yet checked against {@code source}
 * @param source the announcement to check the figures against
 */
public record Thresholds(String municipality, int year, BigDecimal minimumLivingExpense, BigDecimal middleLowIncomeLine,
    BigDecimal lowIncomeMovablePerPerson, BigDecimal lowIncomeImmovablePerHousehold, BigDecimal middleLowMovablePerPerson,
    BigDecimal middleLowImmovablePerHousehold, BigDecimal basicWage, boolean demoData, String source) {}
