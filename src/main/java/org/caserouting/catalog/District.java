package org.caserouting.catalog;

/**
 * A district of Taipei, as the city's offices divide it: its twelve districts, with Zhongzheng in
 * the two halves that two land offices keep, split along Aiguo East and West Roads (臺北市各地政事務所
 * 組織規程 §2). catalog/districts.yaml names each one's district office, household registration
 * office and land office; dmn/change-propagation.dmn names the land office told of a change.
 */
public enum District {
  SONGSHAN("松山區", "Songshan"),
  XINYI("信義區", "Xinyi"),
  DAAN("大安區", "Da'an"),
  ZHONGSHAN("中山區", "Zhongshan"),
  ZHONGZHENG_NORTH("中正區（愛國東、西路以北）", "Zhongzheng, north of Aiguo East and West Roads"),
  ZHONGZHENG_SOUTH("中正區（愛國東、西路以南）", "Zhongzheng, south of Aiguo East and West Roads"),
  DATONG("大同區", "Datong"),
  WANHUA("萬華區", "Wanhua"),
  WENSHAN("文山區", "Wenshan"),
  NANGANG("南港區", "Nangang"),
  NEIHU("內湖區", "Neihu"),
  SHILIN("士林區", "Shilin"),
  BEITOU("北投區", "Beitou");

  private final String nameZh;
  private final String nameEn;

  District(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }
}
