package org.caserouting.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON body of POST /api/applications: a valid one by default, then changed one
 * field at a time, including into shapes the API must refuse.
 */
public final class Submission {

  /** Valid national IDs (letter, sex digit, seven digits, check digit). */
  public static final String WANG = "A123456789";
  public static final String LIN = "F231234561";

  private final Map<String, Object> body = new LinkedHashMap<>();
  private final Map<String, Object> applicant = new LinkedHashMap<>();
  private final List<Object> documents = new ArrayList<>();

  private Submission(String caseTypeCode) {
    body.put("caseTypeCode", caseTypeCode);
    applicant.put("nationalId", WANG);
    applicant.put("name", "王小明");
    applicant.put("email", "wang@example.tw");
    applicant.put("registeredDistrict", "DAAN");
    body.put("applicant", applicant);
    body.put("documents", documents);
    body.put("submittedVia", "ONLINE");
    body.put("consentToDataQueries", true);
    body.put("applicationData", CatalogExamples.applicationDataMap(caseTypeCode));
  }

  /** Low-income household status: district office, then the Social Welfare Department. */
  public static Submission lowIncome() {
    return new Submission("SW-LOW-INCOME").document("UPLOADABLE", "存摺封面影本");
  }

  /** English household transcript: one agency, fully online. */
  public static Submission householdTranscript() {
    return new Submission("CA-HOUSEHOLD-TRANSCRIPT-EN");
  }

  public static Submission of(String caseTypeCode) {
    return new Submission(caseTypeCode);
  }

  public Submission document(String documentClass, String title) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("documentClass", documentClass);
    document.put("title", title);
    documents.add(document);
    return this;
  }

  public Submission applicant(String field, Object value) {
    applicant.put(field, value);
    return this;
  }

  /** One answer of the type's own form, set or changed. */
  public Submission data(String field, Object value) {
    applicationData().put(field, value);
    return this;
  }

  /** One answer of the type's own form left out. */
  public Submission withoutData(String field) {
    applicationData().remove(field);
    return this;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> applicationData() {
    return (Map<String, Object>) body.get("applicationData");
  }

  /** A company or organisation applies, through its representative (whose ID is the applicant's). */
  public Submission organisation(String businessNo, String name, String representativeName) {
    applicant.put("kind", "ORGANISATION");
    applicant.put("businessNo", businessNo);
    applicant.put("name", name);
    applicant.put("representativeName", representativeName);
    return this;
  }

  /** Someone files for the applicant; {@code licenceNo} null for a family member or another mandated person. */
  public Submission agent(String relation, String nationalId, String name, String licenceNo) {
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("relation", relation);
    agent.put("nationalId", nationalId);
    agent.put("name", name);
    agent.put("licenceNo", licenceNo);
    return set("agent", agent);
  }

  public Submission atCounter() {
    return set("submittedVia", "COUNTER");
  }

  public Submission set(String field, Object value) {
    body.put(field, value);
    return this;
  }

  public Submission without(String field) {
    body.remove(field);
    return this;
  }

  public Map<String, Object> body() {
    return body;
  }
}
