// Reads the versioned rule set from rules/*.toml: the copies compiled into the binary, or a
// directory given at start-up (so an office can apply a new regulation without a rebuild).
#pragma once

#include <string>

#include "core/result.h"
#include "domain/rules/rule_set.h"

namespace chibo::io {

// Each file holds [[parameter]] tables with key, value (an integer or a list of integers),
// effective_from (a TOML date), source and an optional note. Fails naming the file and the
// parameter, or a key of `required` that no file gives.
Result<domain::RuleSet> parse_rules(
    const std::vector<std::pair<std::string, std::string>>& files,
    const std::vector<std::string>& required = domain::required_rule_keys());

// From `directory` when not empty, else from the compiled-in rules/.
Result<domain::RuleSet> load_rules(const std::string& directory);

}  // namespace chibo::io
