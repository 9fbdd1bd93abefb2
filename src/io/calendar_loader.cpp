#include "io/calendar_loader.h"

#include <fstream>
#include <sstream>

#include "domain/calendar/holiday_rules.h"
#include "io/tsv.h"
#include "resources/resources.h"

namespace chibo::io {

namespace {

constexpr const char* kCalendarFile = "rules/holidays.tsv";

Error calendar_error(const std::string& source, size_t row, const std::string& problem) {
  return Error::malformed(
      "calendar_file_invalid",
      {{"source", source}, {"index", std::to_string(row + 1)}, {"problem", problem}});
}

}  // namespace

Result<domain::WorkingCalendar> parse_calendar(std::string_view text, const std::string& source,
                                               const domain::RuleSet& rules) {
  Result<TsvTable> table = parse_tsv(text, source);
  if (!table) return std::move(table).error();
  const int date = table->column("date");
  const int kind = table->column("kind");
  const int name = table->column("name_vi");
  const int origin = table->column("source");
  if (date < 0 || kind < 0 || name < 0 || origin < 0)
    return calendar_error(source, 0, "columns date, kind, name_vi, source are required");
  std::vector<domain::CalendarDay> days;
  for (size_t index = 0; index < table->rows.size(); ++index) {
    const std::vector<std::string>& row = table->rows[index];
    const std::optional<Date> day = Date::parse(row[date]);
    if (!day) return calendar_error(source, index, row[date] + ": not a date");
    if (row[kind] != "off" && row[kind] != "work")
      return calendar_error(source, index, row[kind] + ": kind must be off or work");
    const bool weekend = day->weekday() >= 5;
    if (row[kind] == "work" && !weekend)
      return calendar_error(source, index, row[date] + ": a weekday is a working day already");
    if (row[origin].empty()) return calendar_error(source, index, row[date] + ": source missing");
    days.push_back({*day, row[kind] == "work", row[name], row[origin]});
  }
  Result<domain::WorkingCalendar> calendar = domain::build_calendar(std::move(days), rules);
  if (!calendar) {
    return Error::malformed("calendar_file_invalid",
                            {{"source", source}, {"problem", calendar.error().param("date")}});
  }
  return calendar;
}

Result<domain::WorkingCalendar> load_calendar(const std::string& directory,
                                              const domain::RuleSet& rules) {
  if (directory.empty()) {
    const std::optional<std::string_view> data = resources::find(kCalendarFile);
    if (!data) return Error::malformed("calendar_file_invalid", {{"source", kCalendarFile}});
    return parse_calendar(*data, kCalendarFile, rules);
  }
  const std::string path = directory + "/holidays.tsv";
  std::ifstream in(path);
  if (!in)
    return Error::malformed("rule_dir_unreadable", {{"source", path}, {"problem", "missing"}});
  std::stringstream content;
  content << in.rdbuf();
  return parse_calendar(content.str(), path, rules);
}

}  // namespace chibo::io
