package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.DISPUTE_FORUM;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.FORUM_VENUE;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.MERCHANT_ADDRESS;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.SIGNING_PLACE;

import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.document.ProviderParty;
import com.bpocontractflow.validation.InputRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The people's court a litigation clause may name. Civil Procedure Law art. 35: the parties to a contract
 * may agree in writing on the court of a place with an actual connection to the dispute — the defendant's
 * or the plaintiff's domicile, the place of signing, of performance or of the subject matter — as long as
 * level and exclusive jurisdiction are respected. The contract records three such places: the merchant's
 * domicile ({@code merchantAddress}), the provider's ({@code bpo.provider.address}) and the place of
 * signing ({@code signingPlace}); it records no place of performance of its own, so a court elsewhere is
 * refused, naming the field and the places it may choose from, with the basic-level court of each as a
 * suggestion ({@link #choices}).
 *
 * <p>Whether the dispute belongs to a basic or an intermediate court (级别管辖) depends on the amount in
 * dispute and cannot be changed by agreement; that is counsel's call, so naming an intermediate or higher
 * court is not refused but gives legal a warning ({@link #levelWarning}). An arbitration commission is
 * chosen freely (Arbitration Law art. 6): none of this applies to it.
 *
 * <p>Places are compared by their administrative units as written on a business licence ("浙江省杭州市西湖区…":
 * 浙江省, 杭州市, 西湖区), in full or without the suffix ("杭州西湖区"), and in order, skipping units
 * ("浙江省义乌市" for "浙江省金华市义乌市"). A court's place is the text before 人民法院 without its level
 * ("浙江省杭州市中级人民法院": 浙江省杭州市).
 */
@Component
public class CourtVenues {

  static final String VENUE_LABEL = "纠纷解决方式·仲裁委员会或人民法院名称";
  private static final String COURT = "人民法院";
  /** One administrative unit at the start of the text, up to and including its suffix. */
  private static final Pattern UNIT = Pattern.compile(
      "\\p{IsHan}+?(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|省|市|盟|区|县|旗)");
  private static final List<String> SUFFIXES = List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "地区",
      "省", "市", "盟", "区", "县", "旗");
  /** The level at the end of a court's name: 中级, 第一中级 (Shanghai, Beijing…), 高级, 最高. */
  private static final Pattern LEVEL = Pattern.compile("(?:第[一二三四五六七八九十]+)?(中级|高级|最高)$");
  private static final Set<String> MUNICIPALITIES = Set.of("北京市", "上海市", "天津市", "重庆市");
  /** Where an address goes below the district: a street, a town, a building ("文三路", "XX街道XX社区"). */
  private static final Pattern BELOW_DISTRICT = Pattern.compile(".*(?:路|街|镇|乡|村|号|社区|弄|巷|楼|大道).*");

  /** A place connected to the contract: what it is, the field it comes from, the text. */
  record Place(String name, String field, String text) {
  }

  private final String providerAddress;

  public CourtVenues(ProviderParty provider) {
    this.providerAddress = provider.address();
  }

  /**
   * The problem with a step's court, if the step sets a venue, the forum is litigation, the names are
   * otherwise valid (their own rules speak first) and the court is at none of the contract's connected places.
   */
  public List<String> problems(String taskOrFormId, Map<String, Object> values) {
    if (!SigningInputRules.forStep(taskOrFormId).keys().contains(FORUM_VENUE)
        || !DisputeForum.LITIGATION.name().equals(values.get(DISPUTE_FORUM))
        || !(values.get(FORUM_VENUE) instanceof String venue)
        || ClauseRules.venueProblem(venue, values.get(DISPUTE_FORUM)) != null) {
      return List.of();
    }
    String place = courtPlace(compact(venue));
    List<Place> places = places(values);
    if (places.stream().anyMatch(p -> spellings(p.text()).contains(place))) {
      return List.of();
    }
    return List.of("「" + VENUE_LABEL + "」“" + compact(venue) + "”不在与本合同有实际联系的地点：约定管辖只能选择甲方住所地、"
        + "乙方住所地、合同签订地等与争议有实际联系的地点的人民法院（《民事诉讼法》第三十五条）。本合同可选的地点："
        + describe(places));
  }

  /**
   * What legal reads beside the venue field: the connected places and the basic-level court of each, and
   * that the level is counsel's call. Places not yet filled in are named by their field.
   */
  public String choices(Map<String, Object> values) {
    return "诉讼时只能选择与本合同有实际联系的地点的人民法院（《民事诉讼法》第三十五条），可选：" + describe(places(values))
        + "。法院名称请以法院官方名称为准；级别管辖（基层或中级人民法院）依诉讼标的额由法律规定，不能协议变更，请法务确认。"
        + "仲裁不受此限，须写明一个具体的仲裁委员会。";
  }

  /**
   * A warning for legal when the court named is an intermediate or higher court, or null: level jurisdiction
   * follows the amount in dispute (最高人民法院关于调整中级人民法院管辖第一审民事案件标准的通知, 法发〔2021〕27号)
   * and no agreement changes it, so the clause may send the case to a court that will transfer it.
   */
  public static String levelWarning(Object forum, Object venue) {
    if (!DisputeForum.LITIGATION.name().equals(forum) || !(venue instanceof String text)) {
      return null;
    }
    String name = compact(text);
    int court = name.indexOf(COURT);
    if (court < 0) {
      return null;
    }
    Matcher level = LEVEL.matcher(name.substring(0, court));
    if (!level.find()) {
      return null;
    }
    return "约定的“" + name + "”是" + level.group(1) + "人民法院。级别管辖由法律规定，不能通过协议变更（《民事诉讼法》第三十五条）："
        + "按现行标准，中级人民法院管辖诉讼标的额 5 亿元以上（当事人一方住所地不在受诉法院所在省的，1 亿元以上）的第一审民事案件"
        + "（法发〔2021〕27号），本合同的争议通常由基层人民法院管辖。请法务确认是否改为该地的基层人民法院。";
  }

  /** The contract's connected places, in the order the contract names them. */
  List<Place> places(Map<String, Object> values) {
    List<Place> places = new ArrayList<>();
    places.add(new Place("甲方住所地", "甲方主体·住所（营业执照登记地址）", text(values.get(MERCHANT_ADDRESS))));
    places.add(new Place("乙方住所地", "乙方住所（配置 bpo.provider.address）", providerAddress));
    places.add(new Place("合同签订地", "合同签订·签订地", text(values.get(SIGNING_PLACE))));
    return places;
  }

  private static String describe(List<Place> places) {
    List<String> parts = new ArrayList<>();
    for (Place place : places) {
      if (place.text() == null) {
        parts.add(place.name() + "（填写「" + place.field() + "」后核对）");
        continue;
      }
      List<String> units = units(place.text());
      String court = basicCourt(units);
      parts.add(place.name() + " " + String.join("", units.isEmpty() ? List.of(place.text()) : units)
          + (court != null ? "，例如“" + court + "”" : "，地址未写明区县，请写明具体法院"));
    }
    return String.join("；", parts);
  }

  /**
   * The basic-level court of a place whose units reach a district or county, as it is usually named: the
   * municipality or city and the district ("杭州市西湖区人民法院", "上海市浦东新区人民法院"), or the province and a
   * county-level city ("浙江省义乌市人民法院"); null when the place names no district or county.
   */
  static String basicCourt(List<String> units) {
    if (units.size() < 2) {
      return null;
    }
    String last = units.get(units.size() - 1);
    String before = units.get(units.size() - 2);
    if (last.endsWith("省") || last.endsWith("自治区") || MUNICIPALITIES.contains(last)
        || units.size() == 2 && !MUNICIPALITIES.contains(before) && !last.endsWith("区") && !last.endsWith("县")
            && !last.endsWith("旗")) {
      return null;
    }
    if (last.endsWith("市") && units.size() >= 3) {
      return units.get(0) + last + COURT; // a county-level city: 浙江省义乌市人民法院
    }
    return before + last + COURT;
  }

  /** The administrative units at the start of a place ("浙江省杭州市西湖区文三路 90 号": 浙江省, 杭州市, 西湖区). */
  static List<String> units(String place) {
    String text = compact(place);
    List<String> units = new ArrayList<>();
    Matcher unit = UNIT.matcher(text);
    int at = 0;
    while (at < text.length() && unit.region(at, text.length()).lookingAt() && unit.group().length() <= 9
        && !BELOW_DISTRICT.matcher(unit.group()).matches()) {
      units.add(unit.group());
      at = unit.end();
    }
    if (units.isEmpty() && !text.isEmpty() && text.length() <= 9 && text.codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      units.add(text); // a place written without a suffix ("杭州")
    }
    return units;
  }

  /**
   * Every way a court's place may be written for this place: its units in order, any of them left out, each
   * in full or without its suffix ("杭州市西湖区", "杭州西湖区", "浙江省杭州市", "浙江省义乌市", "杭州").
   */
  static Set<String> spellings(String place) {
    Set<String> spellings = new LinkedHashSet<>();
    if (place == null) {
      return spellings;
    }
    List<String> units = units(place);
    int n = units.size();
    for (int chosen = 1; chosen < 1 << n; chosen++) {
      List<Integer> picked = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((chosen & 1 << i) != 0) {
          picked.add(i);
        }
      }
      for (int shortened = 0; shortened < 1 << picked.size(); shortened++) {
        StringBuilder spelling = new StringBuilder();
        for (int j = 0; j < picked.size(); j++) {
          String unit = units.get(picked.get(j));
          spelling.append((shortened & 1 << j) != 0 ? core(unit) : unit);
        }
        spellings.add(spelling.toString());
      }
    }
    return spellings;
  }

  /** A unit without its suffix, when at least two characters remain ("西湖区": 西湖; "城区" stays). */
  static String core(String unit) {
    for (String suffix : SUFFIXES) {
      if (unit.endsWith(suffix) && unit.length() - suffix.length() >= 2) {
        return unit.substring(0, unit.length() - suffix.length());
      }
    }
    return unit;
  }

  /** The place in a court's name: the text before 人民法院 without its level ("浙江省杭州市中级人民法院": 浙江省杭州市). */
  static String courtPlace(String court) {
    int end = court.indexOf(COURT);
    String before = end < 0 ? court : court.substring(0, end);
    Matcher level = LEVEL.matcher(before);
    return level.find() ? before.substring(0, level.start()) : before;
  }

  private static String compact(String text) {
    return text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
            && Character.getType(c) != Character.FORMAT)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  private static String text(Object value) {
    return value instanceof String s && !InputRules.isBlank(s) ? s.strip() : null;
  }
}
