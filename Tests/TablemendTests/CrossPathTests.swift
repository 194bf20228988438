import Foundation
import Testing

@testable import Tablemend

/// A DOCX of a seed form (corpus/docx, built with the form's real merges) and the seed's own
/// text export give the same indicators: the two input paths meet in one forms stage.
@Suite struct CrossPathTests {
  struct Key: Hashable, CustomStringConvertible {
    var period, level1, level2, level3: String
    var kind: Value.Kind
    var op: Value.Operator?
    var value: Double?
    var unit: String?
    var description: String {
      "\(period) \(level1)/\(level2)/\(level3) \(kind) \(op?.rawValue ?? "") \(value ?? .nan) \(unit ?? "")"
    }

    init(_ i: Indicator) {
      (period, level1, level2, level3) = (i.period, i.level1, i.level2, i.level3)
      (kind, op, value, unit) = (i.value.kind, i.value.op, i.value.value, i.value.unit)
    }
  }

  func keys(_ form: Form?) -> [Key] { (form?.indicators ?? []).map(Key.init) }

  func docx(_ name: String) throws -> Document {
    try Converter().convert(fileAt: packageRoot.appendingPathComponent("corpus/docx/\(name)"))
  }

  @Test func projectFormFromDocxMatchesTheCellPerLineExport() throws {
    let text = try Converter().convert(data: try seed(seed002), path: seed002)
    let fromDocx = try docx("seed-002-project.docx")
    #expect(fromDocx.source.dialect == "docx")
    let expected = keys(text.forms.first)
    #expect(expected.count == 30)
    #expect(keys(fromDocx.forms.first) == expected)
    #expect(fromDocx.forms.first?.fields["项目名称"] == text.forms.first?.fields["项目名称"])
    #expect(fromDocx.forms.first?.funds == text.forms.first?.funds)
  }

  @Test func departmentFormFromDocxMatchesTheRepairedTabExport() throws {
    let text = try Converter().convert(data: try seed(seed000), path: seed000)
    let fromDocx = try docx("seed-000-department.docx")
    let expected = keys(text.forms.first)
    #expect(expected.count == 14)
    #expect(Set(keys(fromDocx.forms.first)) == Set(expected))
    #expect(fromDocx.forms.first?.kind == .departmentTargets)
  }
}

/// The DOCX seed forms flattened by real converters (tools/make-converter-exports.sh) give the
/// same indicators as the seeds' own exports, for the converters whose dialect tablemend reads.
@Suite struct ConverterExportTests {
  /// Converter → the dialect its export is read as. The department form's multi-row header
  /// is only recovered from exports that keep cell boundaries or their positions. The
  /// pdftotext export of LibreOffice's PDF has narrow columns one space apart, top-aligned
  /// labels, wrapped cells in every column and the project table running onto page 2.
  static let project = [
    ("pandoc2-plain", "pandoc-grid"), ("pandoc3-plain", "pandoc-grid"),
    ("libreoffice-txt", "paragraph-per-line"), ("docx2txt", "paragraph-per-line"),
    ("docx2python", "paragraph-per-line"), ("python-docx-tsv", "tsv-repeated-spans"),
    ("pdftotext-layout", "pdftotext-layout"), ("mammoth", "blank-line-cells"),
    ("pandoc-html", "html"), ("mammoth-html", "html"), ("pandoc-gfm", "html"),
    ("grid-csv", "csv"),
    // The same PDF export of the form printed on other pages and at 8 pt
    // (tools/docx-variant.py): other character grids, wraps and page breaks.
    ("pdftotext-layout-landscape", "pdftotext-layout"), ("pdftotext-layout-a3", "pdftotext-layout"),
    ("pdftotext-layout-narrow-margins", "pdftotext-layout"),
    ("pdftotext-layout-font8", "pdftotext-layout"), ("html2text", "pipe-rows"),
    // Flattened as web pages flatten HTML tables (tools/flatten-like-pages.py).
    ("web-pipe-rows", "pipe-rows"), ("web-cell-lines", "pipe-cell-per-line"),
    ("web-blank-cells", "blank-line-cells"), ("web-space-rows", "space-rows"),
    ("w3m-border", "pandoc-grid"),
    // Table syntaxes with exact spans, and pipe tables read by the typed row aligner (period
    // groups side by side; org wraps short cells over lines, DokuWiki forces breaks in them).
    ("pandoc-asciidoc", "asciidoc"), ("pandoc-mediawiki", "mediawiki"), ("pandoc-latex", "latex"),
    ("pandoc-org", "pipe-rows"), ("pandoc-dokuwiki", "pipe-rows"), ("lynx", "blank-line-cells"),
    ("pandoc-jira", "pipe-rows"),
  ]
  static let department = [
    "pandoc2-plain", "pandoc3-plain", "python-docx-tsv", "pdftotext-layout", "libreoffice-txt",
    "docx2txt", "docx2python", "mammoth", "pdftotext-raw", "pandoc-html", "mammoth-html",
    "pandoc-gfm", "grid-csv", "pdftotext-layout-landscape", "pdftotext-layout-a3",
    "pdftotext-layout-narrow-margins", "pdftotext-layout-font8", "pdftotext-layout-font14",
    // LibreOffice's web-writer PDF of pandoc's HTML: text centred in its cells.
    "pdftotext-layout-html",
    // Text browsers and html2text on pandoc's HTML; pandoc 3's rst, org, jira, dokuwiki.
    "w3m", "w3m-border", "elinks", "lynx", "html2text", "pandoc-rst", "pandoc-org", "pandoc-jira",
    "pandoc-dokuwiki", "pandoc-asciidoc", "pandoc-mediawiki", "pandoc-latex",
    "web-pipe-rows", "web-cell-lines", "web-blank-cells", "web-space-rows", "web-run-together",
  ]

  /// `corpus/exports/CONVERTER/FORM.*` (`.txt`, `.html`, `.md`), not its golden.
  func exportFile(_ converter: String, _ form: String) throws -> URL {
    let folder = packageRoot.appendingPathComponent("corpus/exports/\(converter)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    let name = try #require(names.first { $0.hasPrefix(form + ".") && !$0.hasSuffix(".json") })
    return folder.appendingPathComponent(name)
  }

  func indicators(_ document: Document) -> [CrossPathTests.Key] {
    (document.forms.first?.indicators ?? []).map(CrossPathTests.Key.init)
  }

  @Test(arguments: project)
  func projectFormThroughConverter(converter: String, dialect: String) throws {
    let expected = indicators(try Converter().convert(data: try seed(seed002), path: seed002))
    let export = try exportFile(converter, "seed-002-project")
    let document = try Converter().convert(fileAt: export)
    #expect(document.source.dialect == dialect)
    #expect(indicators(document) == expected)
  }

  @Test(arguments: department)
  func departmentFormThroughConverter(converter: String) throws {
    let expected = indicators(try Converter().convert(data: try seed(seed000), path: seed000))
    let export = try exportFile(converter, "seed-000-department")
    let document = try Converter().convert(fileAt: export)
    #expect(Set(indicators(document)) == Set(expected))
    #expect(document.forms.first?.kind == .departmentTargets)
  }
}

/// `pdftotext -layout` of LibreOffice's PDF of a seed DOCX rebuilds the DOCX's own grid: the
/// table's columns are where cells start in several rows, and labels printed once cover the
/// rows below them. Texts are compared without whitespace (the DOCX's `大于等于 100 个` and
/// its line breaks inside cells are wraps and spaces a flattened export cannot tell apart).
@Suite struct LayoutGridTests {
  struct Box: Hashable {
    var row, column, rowSpan, columnSpan: Int
    var text: String
  }

  func boxes(_ document: Document, droppingRows dropped: Int = 0) throws -> Set<Box> {
    let table = try #require(document.tables.first)
    return Set(
      table.cells.filter { $0.row >= dropped }.map {
        Box(
          row: $0.row - dropped, column: $0.column, rowSpan: $0.rowSpan,
          columnSpan: $0.columnSpan, text: $0.text.filter { !$0.isWhitespace })
      })
  }

  func convert(_ path: String) throws -> Document {
    try Converter().convert(fileAt: packageRoot.appendingPathComponent(path))
  }

  static let variants = [
    "pdftotext-layout", "pdftotext-layout-landscape", "pdftotext-layout-a3",
    "pdftotext-layout-narrow-margins", "pdftotext-layout-font8",
  ]

  @Test(arguments: variants)
  func departmentFormRebuildsTheDocxGrid(export: String) throws {
    let docx = try convert("corpus/docx/seed-000-department.docx")
    let layout = try convert("corpus/exports/\(export)/seed-000-department.txt")
    #expect(layout.tables.first?.columnCount == docx.tables.first?.columnCount)
    #expect(try boxes(layout) == boxes(docx))
    // The funds table read by position gives the DOCX's funds, periods and categories.
    #expect(layout.forms.first?.funds == docx.forms.first?.funds)
    #expect(layout.forms.first?.funds.count == 18)
  }

  // The DOCX holds the title rows (项目支出绩效目标表, （2021年度）) inside its table; the PDF
  // prints them as lines above it, where they are read as paragraphs.
  @Test(arguments: variants)
  func projectFormRebuildsTheDocxGridBelowItsTitleRows(export: String) throws {
    let docx = try convert("corpus/docx/seed-002-project.docx")
    let layout = try convert("corpus/exports/\(export)/seed-002-project.txt")
    #expect(layout.tables.first?.columnCount == docx.tables.first?.columnCount)
    let expected = try boxes(docx, droppingRows: 2)
    let found = try boxes(layout)
    #expect(found.subtracting(expected).isEmpty)
    #expect(expected.subtracting(found).isEmpty)
  }
}
