#include "io/rules_loader.h"

#include <toml++/toml.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "resources/resources.h"

namespace chibo::io {

namespace {

Error rule_error(const std::string& file, size_t index, const std::string& problem) {
  return Error::malformed(
      "rule_file_invalid",
      {{"source", file}, {"index", std::to_string(index + 1)}, {"problem", problem}});
}

}  // namespace

Result<domain::RuleSet> parse_rules(const std::vector<std::pair<std::string, std::string>>& files,
                                    const std::vector<std::string>& required) {
  std::vector<domain::RuleParameter> parameters;
  for (const auto& [name, text] : files) {
    toml::table document;
    try {
      document = toml::parse(text, name);
    } catch (const toml::parse_error& error) {
      return Error::malformed("rule_file_invalid",
                              {{"source", name}, {"problem", std::string(error.description())}});
    }
    const toml::array* list = document["parameter"].as_array();
    if (!list) return rule_error(name, 0, "no [[parameter]] tables");
    for (size_t index = 0; index < list->size(); ++index) {
      const toml::table* entry = list->get(index)->as_table();
      if (!entry) return rule_error(name, index, "not a table");
      domain::RuleParameter parameter;
      const auto key = (*entry)["key"].value<std::string>();
      std::optional<int64_t> value = (*entry)["value"].value_exact<int64_t>();
      std::vector<int64_t> values;
      if (const toml::array* items = (*entry)["value"].as_array()) {
        for (const toml::node& item : *items) {
          const std::optional<int64_t> number = item.value_exact<int64_t>();
          if (!number) return rule_error(name, index, "value: a list holds integers only");
          values.push_back(*number);
        }
        if (values.empty()) return rule_error(name, index, "value: an empty list");
        value = values.front();
      }
      const auto date = (*entry)["effective_from"].value<toml::date>();
      const auto source = (*entry)["source"].value<std::string>();
      if (!key || key->empty()) return rule_error(name, index, "key missing");
      if (!value) return rule_error(name, index, *key + ": value (an integer or a list) missing");
      if (!date) return rule_error(name, index, *key + ": effective_from (a date) missing");
      if (!source || source->empty()) return rule_error(name, index, *key + ": source missing");
      const std::optional<Date> effective = Date::from_ymd(date->year, date->month, date->day);
      if (!effective) return rule_error(name, index, *key + ": effective_from is not a real date");
      parameter.key = *key;
      parameter.value = *value;
      parameter.effective_from = *effective;
      parameter.source = *source;
      parameter.note = (*entry)["note"].value_or(std::string());
      parameter.values = std::move(values);
      parameters.push_back(std::move(parameter));
    }
  }
  return domain::RuleSet::build(std::move(parameters), required);
}

Result<domain::RuleSet> load_rules(const std::string& directory) {
  std::vector<std::pair<std::string, std::string>> files;
  if (directory.empty()) {
    for (const resources::Resource& resource : resources::under("rules/")) {
      if (!resource.path.ends_with(".toml")) continue;
      files.emplace_back(std::string(resource.path), std::string(resource.data));
    }
  } else {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
      if (entry.path().extension() != ".toml") continue;  // holidays.tsv: calendar_loader
      std::ifstream in(entry.path());
      std::stringstream content;
      content << in.rdbuf();
      files.emplace_back(entry.path().string(), content.str());
    }
    if (error)
      return Error::malformed("rule_dir_unreadable",
                              {{"source", directory}, {"problem", error.message()}});
    std::sort(files.begin(), files.end());
  }
  if (files.empty()) return Error::malformed("rule_dir_empty", {{"source", directory}});
  return parse_rules(files);
}

}  // namespace chibo::io
