#include "demo/demo_data.h"

#include "io/tsv.h"
#include "resources/resources.h"

namespace chibo::demo {

namespace {

Result<io::TsvTable> table(const std::string& file) {
  const std::string path = "data/demo/" + file;
  const auto data = resources::find(path);
  if (!data) return Error::malformed("demo_data_missing", {{"source", path}});
  return io::parse_tsv(*data, path);
}

double weight_of(const std::string& text) { return text.empty() ? 0 : std::stod(text); }

}  // namespace

Result<DemoData> load_demo_data() {
  DemoData data;
  auto families = table("family_names.tsv");
  if (!families) return std::move(families).error();
  for (const auto& row : families->rows) data.family_names.add(row[0], weight_of(row[1]));
  for (const char* file : {"middle_names.tsv", "given_names.tsv"}) {
    auto names = table(file);
    if (!names) return std::move(names).error();
    const bool middle = std::string(file) == "middle_names.tsv";
    const int name = names->column("name");
    const int sex = names->column("sex");
    const int weight = names->column("weight");
    for (const auto& row : names->rows) {
      Weighted<std::string>& list = row[sex] == "female"
                                        ? (middle ? data.female_middle : data.female_given)
                                        : (middle ? data.male_middle : data.male_given);
      list.add(row[name], weight_of(row[weight]));
    }
  }
  auto agencies = table("agencies.tsv");
  if (!agencies) return std::move(agencies).error();
  for (const auto& row : agencies->rows) {
    data.agencies.push_back({row[agencies->column("name")], row[agencies->column("short_name")],
                             row[agencies->column("kind")],
                             weight_of(row[agencies->column("weight")])});
  }
  auto units = table("units.tsv");
  if (!units) return std::move(units).error();
  for (const auto& row : units->rows)
    (row[0] == "cell" ? data.cell_units : data.base_units).push_back(row[1]);
  struct Simple {
    const char* file;
    Weighted<std::string> DemoData::*list;
  };
  for (const Simple& simple : {Simple{"positions.tsv", &DemoData::positions},
                               Simple{"occupations.tsv", &DemoData::occupations},
                               Simple{"ethnicity_weights.tsv", &DemoData::ethnicities},
                               Simple{"religion_weights.tsv", &DemoData::religions},
                               Simple{"residences.tsv", &DemoData::residences}}) {
    auto loaded = table(simple.file);
    if (!loaded) return std::move(loaded).error();
    const int weight = loaded->column("weight");
    for (const auto& row : loaded->rows) (data.*(simple.list)).add(row[0], weight_of(row[weight]));
  }
  auto syllables = table("place_syllables.tsv");
  if (!syllables) return std::move(syllables).error();
  for (const auto& row : syllables->rows) data.place_syllables.push_back(row[0]);
  if (data.family_names.empty() || data.male_given.empty() || data.female_given.empty() ||
      data.agencies.empty() || data.base_units.empty() || data.cell_units.empty()) {
    return Error::malformed("demo_data_missing", {{"source", "data/demo"}});
  }
  return data;
}

}  // namespace chibo::demo
