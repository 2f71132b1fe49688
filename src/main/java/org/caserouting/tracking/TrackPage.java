package org.caserouting.tracking;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import org.caserouting.cases.TrackingLinks;
import org.caserouting.meanstest.AgencyRecords;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.receipts.QrCodes;
import org.caserouting.receipts.Receipts;
import org.caserouting.tracking.LookupGuard.Lookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * /track: the applicant's progress page, server-rendered so it works without JavaScript, in
 * Traditional Chinese with an English switch ({@code ?lang=en}). The number and ID suffix are
 * posted, never put in the address.
 */
@Controller
public class TrackPage {

  private final Timelines timelines;
  private final LookupLimits limits;
  private final Receipts receipts;
  private final TrackingLinks links;
  private final LetterDownloads letters;

  TrackPage(Timelines timelines, LookupLimits limits, Receipts receipts, TrackingLinks links, LetterDownloads letters) {
    this.letters = letters;
    this.timelines = timelines;
    this.limits = limits;
    this.receipts = receipts;
    this.links = links;
  }

  /** The numbers of reported changes (2026-CN-000001) rather than applications. */
  private static final java.util.regex.Pattern CHANGE_NO = java.util.regex.Pattern.compile("\\d{4}-CN-\\d{6}");

  @GetMapping("/track")
  String form() {
    return "track";
  }

  @PostMapping("/track")
  Object timeline(@RequestParam(defaultValue = "") String applicationNo, @RequestParam(defaultValue = "") String idSuffix,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    if (CHANGE_NO.matcher(applicationNo).matches()) {
      // A reported change (N合一), which has a page of its own; it counts the look-up there.
      return "forward:/track/change";
    }
    return byNumber(applicationNo, idSuffix, request, response, model, timeline -> {
      model.addAttribute("idSuffix", idSuffix);
      return show(timeline, model);
    });
  }

  /** The decision letter, for an applicant who looked the case up by its number and ID suffix. */
  @PostMapping("/track/decision-letter")
  Object letter(@RequestParam(defaultValue = "") String applicationNo, @RequestParam(defaultValue = "") String idSuffix,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    return byNumber(applicationNo, idSuffix, request, response, model,
        timeline -> letterOf(timeline.applicationNo(), response, model));
  }

  /** The applicant's own link, from the answer to the submission and every mail: no suffix, no wait. */
  @GetMapping("/track/t/{token}")
  Object byLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    return byToken(token, request, response, model, applicationNo -> {
      var timeline = timelines.of(applicationNo);
      if (timeline.isEmpty()) {
        return refuse(response, model, 404, "track.error.unknownLink");
      }
      model.addAttribute("applicationNo", applicationNo);
      model.addAttribute("token", token);
      return show(timeline.get(), model);
    });
  }

  /** The decision letter, through the applicant's own link. */
  @GetMapping("/track/t/{token}/decision-letter")
  Object letterByLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    return byToken(token, request, response, model, applicationNo -> letterOf(applicationNo, response, model));
  }

  /** What {@code then} makes of the case with this number and ID suffix; the page that says why not, if none. */
  private Object byNumber(String applicationNo, String idSuffix, HttpServletRequest request,
      HttpServletResponse response, Model model, Function<Timeline, Object> then) {
    model.addAttribute("applicationNo", applicationNo);
    if (!limits.allow(request.getRemoteAddr())) {
      return refuse(response, model, 429, "track.error.tooMany");
    }
    Lookup<Timeline> lookup = timelines.find(applicationNo, idSuffix);
    if (lookup instanceof Lookup.Wait<Timeline> wait) {
      return waitForNumber(wait.duration(), response, model);
    }
    if (!(lookup instanceof Lookup.Found<Timeline> found)) {
      return refuse(response, model, 404, "track.error.notFound");
    }
    return then.apply(found.value());
  }

  /** What {@code then} makes of the case this link opens; the page that says why not, if none. */
  private Object byToken(String token, HttpServletRequest request, HttpServletResponse response, Model model,
      Function<String, Object> then) {
    if (!limits.allow(request.getRemoteAddr())) {
      return refuse(response, model, 429, "track.error.tooMany");
    }
    return links.open(TrackingLinks.Kind.APPLICATION, token)
        .map(opened -> then.apply(opened.caseNo()))
        .orElseGet(() -> refuse(response, model, 404, "track.error.unknownLink"));
  }

  private Object letterOf(String applicationNo, HttpServletResponse response, Model model) {
    model.addAttribute("applicationNo", applicationNo);
    return letters.pdf(applicationNo).<Object>map(letter -> letter)
        .orElseGet(() -> refuse(response, model, 404, "track.error.noLetter"));
  }

  private static String refuse(HttpServletResponse response, Model model, int status, String error) {
    response.setStatus(status);
    model.addAttribute("error", error);
    return "track";
  }

  /**
   * Too many wrong ID suffixes for this number: it waits, whatever suffix comes next, so a wait
   * tells a guesser nothing; the applicant's own link still works.
   */
  public static String waitForNumber(Duration wait, HttpServletResponse response, Model model) {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
    model.addAttribute("error", "track.error.numberWaits");
    model.addAttribute("waitMinutes", Math.max(1, (wait.toSeconds() + 59) / 60));
    return "track";
  }

  private String show(Timeline timeline, Model model) {
    model.addAttribute("timeline", timeline);
    if (timeline.receipt() != null) {
      model.addAttribute("qr", "data:image/png;base64,"
          + Base64.getEncoder().encodeToString(QrCodes.png(timeline.receipt().jws(), 280)));
    }
    return "timeline";
  }

  /** Checks a receipt, as POST /api/receipts/verify does, for people rather than programs. */
  @PostMapping("/track/verify")
  String verify(@RequestParam(defaultValue = "") String receipt, HttpServletResponse response, Model model) {
    try {
      model.addAttribute("verdict", receipts.verify(receipt));
    } catch (Receipts.NotAReceipt notOne) {
      response.setStatus(400);
      model.addAttribute("verdict", new Receipts.Verdict(false, false, false, null, null, null, null, notOne.getMessage()));
    }
    return "verified";
  }

  @Configuration(proxyBeanMethods = false)
  static class Language implements WebMvcConfigurer {

    static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-TW");

    @Bean
    LocaleResolver localeResolver() {
      CookieLocaleResolver resolver = new CookieLocaleResolver("track-lang");
      resolver.setDefaultLocale(TRADITIONAL_CHINESE);
      return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
      interceptor.setParamName("lang");
      registry.addInterceptor(interceptor).addPathPatterns("/track", "/track/**");
    }

    /** Dates and times as the pages show them, in the city's time zone. */
    @Bean
    TrackFormat trackFormat(CalendarProperties calendar) {
      return new TrackFormat(calendar.zone());
    }
  }

  /** Formats for the pages, as {@code ${@trackFormat.time(...)}} and {@code ${@trackFormat.money(...)}}. */
  record TrackFormat(ZoneId zone) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String time(Instant instant) {
      return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String time(OffsetDateTime time) {
      return time == null ? "" : TIME.format(time.atZoneSameInstant(zone));
    }

    /** An amount of the means test: 25,462.5, as the letter and the clerk's form write it. */
    public String money(BigDecimal amount) {
      return amount == null ? "" : AgencyRecords.money(amount);
    }
  }
}
