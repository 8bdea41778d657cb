package com.bpocontractflow.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * China's working days: Monday to Friday, except the statutory holidays (法定节假日) the State Council
 * publishes each year, plus the make-up working days (调休) it moves onto weekends.
 *
 * <p>The published years ship as data ({@code calendar/cn/<year>.json}, taken from the npm package
 * {@code chinese-days} 1.5.7, MIT licence beside them): {@code holidays} and {@code workdays}, each a map of
 * ISO dates to a description. An operator adds a newly published year, or corrects one, without a rebuild:
 * files of the same form in {@code bpo.calendar.dir} replace the shipped year at the next start. A year not
 * published yet counts weekends only; that is logged once as a warning and shown in the health details,
 * never a failure.
 */
public final class ChineseWorkdays {

  private static final Logger LOG = LoggerFactory.getLogger(ChineseWorkdays.class);
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.json");

  /** One published year. */
  record Year(Set<LocalDate> holidays, Set<LocalDate> workdays, String source) {
  }

  private final Map<Integer, Year> years;
  private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

  ChineseWorkdays(Map<Integer, Year> years) {
    this.years = Collections.unmodifiableMap(new TreeMap<>(years));
  }

  /** The shipped years, replaced or completed by the {@code <year>.json} files in {@code dir} (may be null). */
  public static ChineseWorkdays load(Path dir) {
    Map<Integer, Year> years = new TreeMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/cn/*.json")) {
        Matcher name = YEAR_FILE.matcher(resource.getFilename() == null ? "" : resource.getFilename());
        if (name.matches()) {
          try (InputStream in = resource.getInputStream()) {
            years.put(Integer.parseInt(name.group(1)), read(in, "calendar/cn/" + resource.getFilename()));
          }
        }
      }
      if (dir != null) {
        if (!Files.isDirectory(dir)) {
          throw new IllegalStateException("bpo.calendar.dir " + dir + " is not a directory");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
          for (Path file : files) {
            Matcher name = YEAR_FILE.matcher(file.getFileName().toString());
            if (name.matches()) {
              try (InputStream in = Files.newInputStream(file)) {
                years.put(Integer.parseInt(name.group(1)), read(in, file.toString()));
              }
              LOG.info("Working-day calendar: {} from {}", name.group(1), file);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChineseWorkdays(years);
  }

  private static Year read(InputStream in, String source) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    return new Year(dates(root.path("holidays"), source), dates(root.path("workdays"), source), source);
  }

  private static Set<LocalDate> dates(JsonNode map, String source) {
    Set<LocalDate> dates = new TreeSet<>();
    for (Iterator<String> names = map.fieldNames(); names.hasNext(); ) {
      String day = names.next();
      try {
        dates.add(LocalDate.parse(day));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("The working-day calendar " + source + " has an invalid date: " + day, e);
      }
    }
    return Collections.unmodifiableSet(dates);
  }

  /** The years whose holidays are known. */
  public SortedSet<Integer> publishedYears() {
    return new TreeSet<>(years.keySet());
  }

  public boolean published(int year) {
    return years.containsKey(year);
  }

  /** A day people work: a weekday that is no statutory holiday, or a make-up working day. */
  public boolean isWorkingDay(LocalDate day) {
    Year year = years.get(day.getYear());
    if (year == null) {
      if (warned.add(day.getYear())) {
        LOG.warn("The working-day calendar has no holidays for {} (not published yet?): counting weekends only. "
            + "Add {}.json to bpo.calendar.dir once the State Council publishes them.", day.getYear(), day.getYear());
      }
      return !weekend(day);
    }
    if (year.workdays().contains(day)) {
      return true;
    }
    return !year.holidays().contains(day) && !weekend(day);
  }

  /**
   * A 法定休假日 in the sense of Civil Code art. 203: a statutory holiday or a weekend rest day; a make-up
   * working day (调休) is not one.
   */
  public boolean isRestDay(LocalDate day) {
    return !isWorkingDay(day);
  }

  /** The {@code count}-th working day after {@code day} ({@code day} itself not counted); count >= 0. */
  public LocalDate plusWorkingDays(LocalDate day, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    LocalDate result = day;
    for (int left = count; left > 0; ) {
      result = result.plusDays(1);
      if (isWorkingDay(result)) {
        left--;
      }
    }
    return result;
  }

  /**
   * The working days after {@code from} up to and including {@code to} (how many working days a wait that
   * began on {@code from} has lasted on {@code to}); zero when {@code to} is not after {@code from}.
   */
  public long workingDaysBetween(LocalDate from, LocalDate to) {
    long count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** {@code day} when it is a working day, else the next working day. */
  public LocalDate workingDayFrom(LocalDate day) {
    LocalDate result = day;
    while (!isWorkingDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /**
   * The last day of a period of {@code days} calendar days that starts with an event on {@code start} (a
   * notice received): the day of the event is not counted (Civil Code art. 201), and a last day that is a
   * 法定休假日 moves to the day after the rest ends (art. 203) — e.g. 30 days from 2026-09-01 end on 2026-10-01,
   * National Day, so on 2026-10-08.
   */
  public LocalDate periodEnd(LocalDate start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    return workingDayFrom(start.plusDays(days));
  }

  /** The shipped calendar (no operator's directory), for code built without Spring such as tests. */
  public static ChineseWorkdays shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final ChineseWorkdays INSTANCE = load(null);
  }

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
