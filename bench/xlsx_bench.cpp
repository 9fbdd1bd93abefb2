// XLSX at a million rows (issue 14/16): writes a members-like sheet with io/xlsx's writer (and the
// same rows as CSV), then reads it back through the streaming reader into a bare SQLite table in
// one transaction, the way `sqlite3 .import` loads the CSV. bench/xlsx.sh runs both and prints
// the times; docs/BENCHMARKS.md records them.
//   chibo_xlsx_bench write ROWS file.xlsx file.csv
//   chibo_xlsx_bench import file.xlsx db.sqlite
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "io/xlsx/xlsx_reader.h"
#include "io/xlsx/xlsx_writer.h"

using namespace chibo;

namespace {

const char* kNames[] = {"Nguyễn Văn An", "Trần Thị Bình",  "Lê Văn Cường", "Phạm Thị Dung",
                        "Hoàng Văn Em",  "Đặng Thị Giang", "Bùi Văn Hải",  "Đỗ Thị Lan"};

int write(long long rows, const std::string& xlsx_path, const std::string& csv_path) {
  auto writer = io::xlsx::Writer::create();
  if (!writer) return 1;
  std::ofstream csv(csv_path);
  csv << "stt,ho_ten,so_the,ngay_sinh,so_tien\n";
  (*writer)->add_sheet("Đảng viên", {8, 30, 14, 12, 12});
  (*writer)->row({io::xlsx::Cell::of("STT"), io::xlsx::Cell::of("Họ và tên"),
                  io::xlsx::Cell::of("Số thẻ đảng viên"), io::xlsx::Cell::of("Ngày sinh"),
                  io::xlsx::Cell::of("Số tiền")});
  for (long long i = 1; i <= rows; ++i) {
    const std::string name = std::string(kNames[i % 8]) + " " + std::to_string(i);
    const std::string card = std::to_string(10'000'000 + i);
    const Date born = *Date::from_ymd(1950 + static_cast<int>(i % 50), 1 + static_cast<int>(i % 12),
                                      1 + static_cast<int>(i % 28));
    const int64_t amount = 5'000 + (i % 100) * 1'000;
    (*writer)->row({io::xlsx::Cell::of(static_cast<int64_t>(i)), io::xlsx::Cell::of(name),
                    io::xlsx::Cell::of(card), io::xlsx::Cell::of(born),
                    io::xlsx::Cell::of(amount)});
    csv << i << ",\"" << name << "\"," << card << "," << born.iso() << "," << amount << "\n";
  }
  auto bytes = (*writer)->finish();
  if (!bytes) return 1;
  std::ofstream(xlsx_path, std::ios::binary) << *bytes;
  return 0;
}

int import(const std::string& xlsx_path, const std::string& db_path) {
  const auto start = std::chrono::steady_clock::now();
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) return 1;
  sqlite3_exec(db, "CREATE TABLE t (stt, ho_ten, so_the, ngay_sinh, so_tien); BEGIN", nullptr,
               nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr);
  auto reader = io::xlsx::Reader::open_file(xlsx_path);
  if (!reader) {
    std::fprintf(stderr, "%s\n", reader.error().reason.c_str());
    return 1;
  }
  long long rows = 0;
  Status read = reader->read_sheet(0, [&](int64_t row, const io::xlsx::Row& cells) {
    if (row == 1) return true;  // the header
    for (int c = 0; c < 5; ++c) {
      const io::xlsx::CellValue* cell = static_cast<size_t>(c) < cells.size() ? &cells[c] : nullptr;
      if (!cell) {
        sqlite3_bind_null(insert, c + 1);
      } else if (c == 3) {
        const auto date = io::xlsx::cell_date(*cell);
        const std::string iso = date ? date->iso() : std::string();
        sqlite3_bind_text(insert, c + 1, iso.c_str(), static_cast<int>(iso.size()),
                          SQLITE_TRANSIENT);
      } else {
        const std::string text = io::xlsx::cell_text(*cell);
        sqlite3_bind_text(insert, c + 1, text.c_str(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT);
      }
    }
    sqlite3_step(insert);
    sqlite3_reset(insert);
    ++rows;
    return true;
  });
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  if (!read) {
    std::fprintf(stderr, "%s\n", read.error().reason.c_str());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%lld rows in %.2f s\n", rows, seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "";
  if (what == "write" && argc == 5) return write(std::atoll(argv[2]), argv[3], argv[4]);
  if (what == "import" && argc == 4) return import(argv[2], argv[3]);
  std::fprintf(stderr, "usage: %s write ROWS file.xlsx file.csv | import file.xlsx db.sqlite\n",
               argv[0]);
  return 2;
}
