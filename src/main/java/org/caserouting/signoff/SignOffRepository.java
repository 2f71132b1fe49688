package org.caserouting.signoff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Append and read; there is deliberately no way to change or delete a sign-off. */
interface SignOffRepository extends Repository<SignOff, Long> {

  SignOff save(SignOff signOff);

  List<SignOff> findByApplicationNoOrderBySeq(String applicationNo);

  Optional<SignOff> findFirstByApplicationNoOrderBySeqDesc(String applicationNo);
}
