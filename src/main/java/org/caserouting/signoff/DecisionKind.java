package org.caserouting.signoff;

/** What a signer puts their name to: forwarding the case up, or deciding it. */
public enum DecisionKind {
  /** 陳轉: send the case to the next agency up the chain. */
  FORWARD,
  APPROVE,
  REJECT,
  /** 會勘紀錄: an attending agency signs the minutes of a joint site inspection. */
  MINUTES
}
