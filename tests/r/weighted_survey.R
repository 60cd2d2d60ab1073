# Weighted top-box shares of tests/data/weighted/survey.csv computed by R's
# survey package (svydesign / svymean / svyby), independently of jtbd; read
# by tests/r/check_weighted_survey.py. Prints CSV: scope, outcome, axis,
# share, kish_n, linearization_se, where scope is "all" or a team; and rows
# of scope "test": per team, its share minus the rest's (as share) and the
# design-based z of that difference (svyglm, as linearization_se).
# Usage: Rscript weighted_survey.R SURVEY.csv
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE)
cat("scope,outcome,axis,share,kish_n,linearization_se\n")
emit <- function(scope, rows, outcome, axis) {
  column <- paste0(if (axis == "importance") "imp_" else "sat_", outcome)
  answered <- rows[!is.na(rows[[column]]), ]
  answered$top <- as.numeric(answered[[column]] >= 4)
  design <- svydesign(ids = ~1, weights = ~weight, data = answered)
  estimate <- svymean(~top, design)
  kish <- sum(answered$weight)^2 / sum(answered$weight^2)
  cat(sprintf("%s,%s,%s,%.17g,%.17g,%.17g\n", scope, outcome, axis,
              unname(coef(estimate))[1], kish, unname(SE(estimate))[1]))
}
for (outcome in c("o1", "o2", "o3")) {
  for (axis in c("importance", "satisfaction")) {
    emit("all", data, outcome, axis)
    for (team in sort(unique(data$team))) {
      emit(team, data[data$team == team, ], outcome, axis)
    }
  }
}
for (outcome in c("o1", "o2", "o3")) {
  for (axis in c("importance", "satisfaction")) {
    column <- paste0(if (axis == "importance") "imp_" else "sat_", outcome)
    answered <- data[!is.na(data[[column]]), ]
    answered$top <- as.numeric(answered[[column]] >= 4)
    for (team in sort(unique(data$team))) {
      answered$member <- as.numeric(answered$team == team)
      design <- svydesign(ids = ~1, weights = ~weight, data = answered)
      fit <- summary(svyglm(top ~ member, design))$coefficients
      cat(sprintf("test:%s,%s,%s,%.17g,NA,%.17g\n", team, outcome, axis,
                  fit["member", "Estimate"], fit["member", "t value"]))
    }
  }
}
