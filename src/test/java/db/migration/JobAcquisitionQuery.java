package db.migration;

/**
 * The engine's job acquisition query (Job.xml {@code selectNextJobsToExecute}, Camunda 7.24.0, PostgreSQL) as
 * the application's settings make it: no {@code ensureJobDueDateNotNull}, not deployment-aware, no priority
 * range. One text for the index migration's plan test and the benchmark's timer storm (bench/TimerStormBench).
 */
public final class JobAcquisitionQuery {

  private JobAcquisitionQuery() {
  }

  /** The query without ordering and limit. */
  public static final String UNORDERED = """
      select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
      from ACT_RU_JOB RES
      where (RES.RETRIES_ > 0)
        and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now())
        and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now())
        and RES.SUSPENSION_STATE_ = 1
        and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
                where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                  and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
             or RES.EXCLUSIVE_ = false)
      """;
}
