package org.caserouting.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Append and read; there is deliberately no way to change or delete evidence. */
public interface VerificationEvidenceRepository extends Repository<VerificationEvidence, Long> {

  VerificationEvidence save(VerificationEvidence evidence);

  List<VerificationEvidence> findByApplicationNoOrderBySeq(String applicationNo);

  Optional<VerificationEvidence> findFirstByApplicationNoOrderBySeqDesc(String applicationNo);

  Optional<VerificationEvidence> findByApplicationNoAndSeq(String applicationNo, int seq);
}
