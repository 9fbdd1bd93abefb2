#include "cli/commands.h"

int main(int argc, char** argv) { return chibo::cli::run(argc, argv); }
