package org.caserouting.review;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.SingleAgencyReviewProcess.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The single-agency review's service task: the signed draft becomes the decision. */
@Configuration(proxyBeanMethods = false)
class SingleAgencyReviewAdapters {

  @Bean
  JavaDelegate concludeSingleAgencyReview() {
    return execution ->
        Conclusions.on(execution,
            Conclusion.of(TaskOutcome.APPROVE.is(Variables.REVIEW_OUTCOME.from(execution)),
                Variables.REVIEW_OPINION.from(execution)));
  }
}
