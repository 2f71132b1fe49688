package org.caserouting.meanstest;

/**
 * Each kind of figure the means test counts (社會救助法 §5-1, §5-2), and which total it joins:
 * monthly income, movable property (averaged per person), or immovable property (per household).
 */
public enum FigureKind {
  WORK_INCOME("工作收入", "Work income", Total.INCOME),
  INTEREST("利息所得", "Interest", Total.INCOME),
  RENT("租金所得", "Rent", Total.INCOME),
  DEPOSITS("存款", "Deposits", Total.MOVABLE),
  INVESTMENTS("投資", "Investments", Total.MOVABLE),
  LAND("土地", "Land", Total.IMMOVABLE),
  BUILDINGS("房屋", "Buildings", Total.IMMOVABLE);

  /** The total a figure joins. */
  public enum Total {
    INCOME,
    MOVABLE,
    IMMOVABLE
  }

  private final String nameZh;
  private final String nameEn;
  private final Total total;

  FigureKind(String nameZh, String nameEn, Total total) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.total = total;
  }

  public Total total() {
    return total;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }
}
