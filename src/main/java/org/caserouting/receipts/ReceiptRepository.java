package org.caserouting.receipts;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ReceiptRepository extends Repository<Receipt, Long> {

  Receipt save(Receipt receipt);

  Optional<Receipt> findFirstByApplicationNoOrderByIdDesc(String applicationNo);

  Optional<Receipt> findFirstByApplicationNoAndKindOrderByIdDesc(String applicationNo, Receipt.Kind kind);
}
