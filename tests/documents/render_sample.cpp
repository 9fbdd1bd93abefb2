// Writes the sample outgoing document (testing::sample_party_document) as DOCX and as the HTML
// print view into a folder, for scripts/render-sample-document.sh to convert and look at.
// Usage: chibo_render_sample OUT_DIR
#include <fstream>
#include <iostream>
#include <string>

#include "domain/documents/printed_document.h"
#include "io/documents/docx_writer.h"
#include "io/documents/print_html.h"
#include "testing/fixtures.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: chibo_render_sample OUT_DIR\n";
    return 2;
  }
  const std::string folder = argv[1];
  chibo::Result<chibo::domain::PrintedDocument> printed =
      chibo::domain::printed_document(chibo::testing::sample_party_document(),
                                      chibo::testing::catalog().documents, chibo::testing::rules());
  if (!printed) {
    std::cerr << "printed_document: " << printed.error().fields.at(0).code << "\n";
    return 1;
  }
  chibo::Result<std::string> docx = chibo::io::render_docx(*printed);
  chibo::Result<std::string> html = chibo::io::render_print_html(*printed);
  if (!docx || !html) {
    std::cerr << "render: " << (docx ? html.error().reason : docx.error().reason) << "\n";
    return 1;
  }
  std::ofstream(folder + "/document-sample.docx", std::ios::binary) << *docx;
  std::ofstream(folder + "/document-sample.html", std::ios::binary) << *html;
  std::cout << folder << "/document-sample.docx\n";
  return 0;
}
