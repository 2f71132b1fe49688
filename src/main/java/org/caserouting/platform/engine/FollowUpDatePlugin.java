package org.caserouting.platform.engine;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task with a due date a follow-up date (跟催日) when {@value Deadlines#REMINDER_SHARE}
 * of its time has passed, whatever model it is in: the deadline watch reminds its holders then, and
 * Tasklist shows the date. A model need not draw a timer for it, and cannot forget one.
 */
@Component
class FollowUpDatePlugin extends AbstractProcessEnginePlugin {

  static final TaskListener FOLLOW_UP = FollowUpDatePlugin::setFollowUp;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, FOLLOW_UP);
        }
      }
    });
  }

  static void setFollowUp(DelegateTask task) {
    Date due = task.getDueDate();
    if (due == null || task.getFollowUpDate() != null) {
      return;
    }
    Date created = task.getCreateTime() != null ? task.getCreateTime() : ClockUtil.getCurrentTime();
    task.setFollowUpDate(Deadlines.share(created, due));
  }
}
