package org.caserouting.catalog;

import java.util.ArrayList;
import java.util.List;
import org.caserouting.platform.DeployedDecisions;
import org.springframework.stereotype.Component;

/** A rule reads only answers that every type it applies to declares in its form ({@link AnswersReadByRules}). */
@Component
class RulesReadDeclaredAnswers implements CatalogCoverage {

  @Override
  public String decision() {
    return AnswersReadByRules.VARIABLE;
  }

  @Override
  public String problem() {
    return "規則讀取申請表未有之欄位 a rule reads an answer the type's form does not ask";
  }

  @Override
  public List<String> gapsOfDeployed(CatalogFiles catalog, DeployedDecisions decisions) {
    List<AnswersReadByRules.Read> reads = new ArrayList<>();
    decisions.latestModels().forEach(model -> reads.addAll(AnswersReadByRules.of(model)));
    return AnswersReadByRules.gaps(catalog, reads);
  }

  @Override
  public List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog) {
    return AnswersReadByRules.gaps(catalog, AnswersReadByRules.of(dmn));
  }
}
