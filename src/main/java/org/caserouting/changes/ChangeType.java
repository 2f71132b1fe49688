package org.caserouting.changes;

/** What a citizen reports at the counter; dmn/change-propagation.dmn says which agencies it concerns. */
public enum ChangeType {
  /** 住址變更 A new registered address. */
  ADDRESS,
  /** 姓名變更 A new name. */
  NAME,
  /** 所有權人變更 A new registered owner of land or a building. */
  OWNER
}
