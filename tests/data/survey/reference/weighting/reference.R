# Reference results of R's survey package for tests/unit/test_survey_estimates.py and
# tests/unit/test_survey_weighting.py. Run from this folder (the outputs are committed):
#
#     Rscript reference.R
#
# Inputs: responses.csv (400 synthetic responses, written by make_responses.py) and margins.csv
# (population per margin and category). Outputs:
#   weights.csv    id, rake (survey::rake), bounded (survey::calibrate, calfun = "raking",
#                  bounds on g = w / base weight), trimmed (survey::trimWeights of the raked
#                  design, absolute bounds)
#   estimates.csv  design, by, domain, variable, mean, se, ci_low, ci_high, respondents:
#                  svymean(na.rm = TRUE) + confint on the whole sample (by = "", domain = "")
#                  and svyby(..., svymean, na.rm = TRUE) + confint per domain
#   session.txt    R and survey versions
suppressMessages(library(survey))

d <- read.csv("responses.csv", colClasses = c(zone = "character", id = "integer"))
m <- read.csv("margins.csv", colClasses = c(category = "character"))
pop <- function(v) {
  x <- m[m$margin == v, ]
  r <- data.frame(x$category, x$population)
  names(r) <- c(v, "Freq")
  r
}
margins <- list(~age_band, ~zone, ~gender)
populations <- list(pop("age_band"), pop("zone"), pop("gender"))

weighted <- svydesign(ids = ~1, weights = ~base_weight, data = d)
raked <- rake(weighted, margins, populations, control = list(maxit = 100, epsilon = 1e-12))
# Bounded raking: g = clamp(exp(x'eta), lower, upper) with the margins met. survey's own
# cal.raking solves these same equations, but its derivative dF tests u (log scale) against
# bounds - 1 (linear scale), so Newton stalls once bounds bind ("Calibration failed" here); this
# calfun differs from cal.raking only by the correct derivative.
raking_bounded <- make.calfun(
  function(u, bounds) pmin(pmax(exp(u), bounds$lower), bounds$upper) - 1,
  function(u, bounds) ifelse(exp(u) > bounds$lower & exp(u) < bounds$upper, exp(u), 0),
  "raking with bounds")
bounded <- calibrate(weighted, margins, populations, calfun = raking_bounded,
                     bounds = c(0.6, 2.0), maxit = 200, epsilon = 1e-12)
trimmed <- trimWeights(raked, lower = 70, upper = 300)

write.csv(data.frame(id = d$id, rake = weights(raked), bounded = weights(bounded),
                     trimmed = weights(trimmed)),
          "weights.csv", row.names = FALSE)

designs <- list(weighted = weighted, raked = raked, bounded = bounded, trimmed = trimmed)
variables <- c("sat_offer", "sat_parking", "satisfied_offer", "miss_food", "car")
domains <- c("centrality", "age_band")
rows <- list()
for (dn in names(designs)) {
  des <- designs[[dn]]
  for (v in variables) {
    f <- as.formula(paste0("~", v))
    est <- svymean(f, des, na.rm = TRUE)
    ci <- confint(est)
    rows[[length(rows) + 1]] <- data.frame(
      design = dn, by = "", domain = "", variable = v, mean = unname(coef(est)),
      se = unname(SE(est)), ci_low = ci[1, 1], ci_high = ci[1, 2],
      respondents = sum(!is.na(d[[v]])))
    for (b in domains) {
      est <- svyby(f, as.formula(paste0("~", b)), des, svymean, na.rm = TRUE)
      ci <- confint(est)
      n <- tapply(!is.na(d[[v]]), d[[b]], sum)
      rows[[length(rows) + 1]] <- data.frame(
        design = dn, by = b, domain = as.character(est[[b]]), variable = v,
        mean = unname(coef(est)), se = unname(SE(est)), ci_low = unname(ci[, 1]),
        ci_high = unname(ci[, 2]), respondents = as.integer(n[as.character(est[[b]])]))
    }
  }
}
write.csv(do.call(rbind, rows), "estimates.csv", row.names = FALSE)
writeLines(c(R.version.string, paste("survey", packageVersion("survey"))), "session.txt")
