package org.caserouting.fieldstep;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One arrangement of a field step with the applicant, and what was found. */
@Entity
@Table(name = "field_step")
public class FieldStep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_no", nullable = false)
  private String applicationNo;

  @Column(nullable = false)
  private String agency;

  /** The catalog's activity codes, comma separated. */
  @Column(nullable = false)
  private String activities;

  @Column(name = "appointment_at", nullable = false)
  private Instant appointmentAt;

  @Column(nullable = false)
  private String place;

  private String note;

  @Column(name = "arranged_by")
  private String arrangedBy;

  @Column(name = "arranged_at", nullable = false)
  private Instant arrangedAt;

  private String findings;

  @Column(name = "took_place")
  private Boolean tookPlace;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected FieldStep() {}

  FieldStep(String applicationNo, String agency, String activities, Instant appointmentAt, String place, String note,
      String arrangedBy, Instant arrangedAt) {
    this.applicationNo = applicationNo;
    this.agency = agency;
    this.activities = activities;
    this.appointmentAt = appointmentAt;
    this.place = place;
    this.note = note;
    this.arrangedBy = arrangedBy;
    this.arrangedAt = arrangedAt;
  }

  void record(boolean tookPlace, String findings, String by, Instant at) {
    this.tookPlace = tookPlace;
    this.findings = findings;
    this.recordedBy = by;
    this.recordedAt = at;
  }

  boolean isOpen() {
    return recordedAt == null;
  }

  public String getApplicationNo() {
    return applicationNo;
  }

  public String getAgency() {
    return agency;
  }

  public String getActivities() {
    return activities;
  }

  public Instant getAppointmentAt() {
    return appointmentAt;
  }

  public String getPlace() {
    return place;
  }

  public String getNote() {
    return note;
  }

  public String getFindings() {
    return findings;
  }

  public Boolean getTookPlace() {
    return tookPlace;
  }
}
