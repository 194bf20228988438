internal import CLibXML2
import Foundation
import TablemendModel

/// HTML tables: saved web pages, the HTML of LibreOffice, pandoc, mammoth or Word, and
/// Markdown holding raw HTML tables (pandoc's GitHub Markdown writes merged tables that way).
///
/// The text is parsed by libxml2's HTML parser (no network, errors kept quiet: HTML in the
/// wild is rarely valid) and walked once. Each `<table>` becomes a `Table` laid out by the
/// HTML table model: a cell takes the next slot its row leaves free, `rowspan` and
/// `colspan` cover the slots below and beside it. `<p>`, `<div>`, `<li>` and `<br>` inside a
/// cell split it into paragraphs; a table nested in a cell (a page laid out with tables) is a
/// table of its own, listed after the one holding it and named in the cell's `tables`. Text
/// outside tables becomes paragraphs, one per block element or per line of loose text.
/// `<script>`, `<style>` and `<head>` are skipped.
public enum HTMLReader {
  /// The dialect name in `source.dialect` and `--dialect`.
  public static let dialect = "html"

  /// True when `text` holds an HTML table (`<table` and a `<td` or `<th`, in any case).
  public static func looksLikeHTML(_ text: String) -> Bool {
    var sawTable = false
    var sawCell = false
    let bytes = text.utf8
    var iterator = bytes.makeIterator()
    var window: [UInt8] = []
    while let b = iterator.next() {
      if b == UInt8(ascii: "<") {
        window = [b]
        continue
      }
      guard !window.isEmpty else { continue }
      window.append(b | 0x20)  // ASCII letters to lower case
      if window.count == 6, window == Array("<table".utf8) { sawTable = true }
      if window.count == 3, window == Array("<td".utf8) || window == Array("<th".utf8) {
        sawCell = true
      }
      if sawTable && sawCell { return true }
      if window.count >= 6 { window = [] }
    }
    return false
  }

  /// Reads the tables and paragraphs of `text`.
  /// - Throws: `DocxError` when libxml2 cannot parse the text at all, or a table passes a
  ///   limit (`maxRowsPerTable`, `maxCellsPerTable`, `maxXMLDepth`).
  public static func read(_ text: String, limits: Limits = .standard) throws(DocxError)
    -> DocxContent
  {
    var bytes = Array(text.utf8)
    guard bytes.count < Int(Int32.max) else {
      throw DocxError(message: "HTML text too large to parse")
    }
    xmlSetStructuredErrorFunc(nil) { _, _ in }
    tablemend_xml_silence_generic_errors()
    // The text is already decoded: a <meta charset> must not switch the parser's decoding.
    let options = Int32(
      HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
    let document = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
        }
      } ?? nil
    }
    guard let document else { throw DocxError(place: "1:1", message: "not readable as HTML") }
    defer { xmlFreeDoc(document) }
    var walker = HTMLWalker(limits: limits)
    if let root = xmlDocGetRootElement(document) { try walker.walk(root, depth: 0) }
    walker.flushParagraph()
    return DocxContent(blocks: walker.blocks, diagnostics: walker.diagnostics, dialect: dialect)
  }
}

/// One pass over the parsed HTML tree.
struct HTMLWalker {
  let limits: Limits
  var blocks: [Block] = []
  var diagnostics: [Diagnostic] = []
  private var text = ""
  private var textLine = 1
  private var tableCount = 0

  init(limits: Limits) {
    self.limits = limits
  }

  static let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "title"]
  static let blockElements: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "section", "article", "header", "footer", "center", "hr", "caption",
  ]

  static func name(_ node: xmlNodePtr) -> String {
    guard let name = node.pointee.name else { return "" }
    return String(cString: name).lowercased()
  }

  static func line(_ node: xmlNodePtr) -> Int { max(1, Int(xmlGetLineNo(node))) }

  /// The error for nesting past `maxXMLDepth` at `node`.
  static func tooDeep(_ node: xmlNodePtr, limit: Int) -> DocxError {
    DocxError(
      place: "\(line(node)):1",
      message: "HTML nesting deeper than \(limit) elements (limit maxXMLDepth)")
  }

  /// The content of a text node.
  static func content(_ node: xmlNodePtr) -> String {
    guard let content = node.pointee.content else { return "" }
    return String(cString: content)
  }

  mutating func walk(_ node: xmlNodePtr, depth: Int) throws(DocxError) {
    guard depth < limits.maxXMLDepth else { throw Self.tooDeep(node, limit: limits.maxXMLDepth) }
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      let content = Self.content(node)
      if text.isEmpty { textLine = Self.line(node) }
      text += content
    case XML_ELEMENT_NODE:
      let name = Self.name(node)
      if Self.skipped.contains(name) { return }
      if name == "table" {
        flushParagraph()
        blocks += try readTable(node, depth: depth)
        return
      }
      let isBlock = Self.blockElements.contains(name)
      if isBlock { flushParagraph() }
      var child = node.pointee.children
      while let c = child {
        try walk(c, depth: depth + 1)
        child = c.pointee.next
      }
      if isBlock { flushParagraph() }
    default:
      break
    }
  }

  /// Loose text outside tables: one paragraph per line, spaces folded.
  mutating func flushParagraph() {
    defer { text = "" }
    var line = textLine
    for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let folded = HTMLCellText.fold(String(piece))
      if !folded.isEmpty {
        blocks.append(.paragraph(folded, Location(line: line, column: 1)))
      }
      line += 1
    }
  }

  /// One `<table>`: its rows (in `thead`, `tbody`, `tfoot` or directly under it), laid out;
  /// then the tables nested in its cells.
  mutating func readTable(_ table: xmlNodePtr, depth: Int) throws(DocxError) -> [Block] {
    tableCount += 1
    let id = "t\(tableCount)"
    var nested: [Block] = []
    var rows: [[HTMLCellText]] = []
    var rowLines: [Int] = []
    func collectRows(_ node: xmlNodePtr, depth: Int) throws(DocxError) {
      guard depth < limits.maxXMLDepth else {
        throw Self.tooDeep(node, limit: limits.maxXMLDepth)
      }
      var child = node.pointee.children
      while let c = child {
        defer { child = c.pointee.next }
        guard c.pointee.type == XML_ELEMENT_NODE else { continue }
        let name = Self.name(c)
        if name == "tr" {
          var cells: [HTMLCellText] = []
          var cell = c.pointee.children
          while let td = cell {
            defer { cell = td.pointee.next }
            let tag = Self.name(td)
            guard td.pointee.type == XML_ELEMENT_NODE, tag == "td" || tag == "th" else { continue }
            var content = HTMLCellText(
              rowSpan: Self.span(td, "rowspan"), columnSpan: Self.span(td, "colspan"),
              line: Self.line(td))
            try content.collect(td, depth: depth + 2, limit: limits.maxXMLDepth)
            for inner in content.nestedTables {
              let blocks = try readTable(inner, depth: depth + 3)
              if case .table(let t)? = blocks.first { content.tableIDs.append(t.id) }
              nested += blocks
            }
            cells.append(content)
          }
          rows.append(cells)
          rowLines.append(Self.line(c))
          if rows.count > limits.maxRowsPerTable {
            throw DocxError(
              place: "\(Self.line(c)):1",
              message:
                "table has more than \(limits.maxRowsPerTable) rows (limit maxRowsPerTable)")
          }
        } else if ["thead", "tbody", "tfoot"].contains(name) {
          try collectRows(c, depth: depth + 1)
        }
      }
    }
    try collectRows(table, depth: depth + 1)
    guard !rows.isEmpty else { return nested }
    return [.table(try layout(rows, lines: rowLines, id: id))] + nested
  }

  /// The HTML table model: each cell in the first free slot of its row; spans cover slots.
  func layout(_ rows: [[HTMLCellText]], lines: [Int], id: String) throws(DocxError) -> Table {
    var occupied: [Set<Int>] = Array(repeating: [], count: rows.count)
    var cells: [Cell] = []
    var width = 0
    for (r, row) in rows.enumerated() {
      var column = 0
      for cell in row {
        while occupied[r].contains(column) { column += 1 }
        let rowSpan = max(1, min(cell.rowSpan, rows.count - r))
        let columnSpan = cell.columnSpan
        for dr in 0..<rowSpan {
          for dc in 0..<columnSpan { occupied[r + dr].insert(column + dc) }
        }
        cells.append(
          Cell(
            row: r, column: column, rowSpan: rowSpan, columnSpan: columnSpan,
            paragraphs: cell.paragraphs, location: Location(line: cell.line, column: 1),
            tables: cell.tableIDs.isEmpty ? nil : cell.tableIDs))
        column += columnSpan
        width = max(width, column)
        if width * rows.count > limits.maxCellsPerTable {
          throw DocxError(
            place: "\(cell.line):1",
            message:
              "table has more than \(limits.maxCellsPerTable) slots (limit maxCellsPerTable)")
        }
      }
    }
    // Slots no cell covers (a short row) stay empty cells, as in a Word table.
    for r in rows.indices {
      for c in 0..<width where !occupied[r].contains(c) {
        cells.append(
          Cell(row: r, column: c, paragraphs: [], location: Location(line: lines[r], column: 1)))
      }
    }
    cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
    return Table(id: id, rowCount: rows.count, columnCount: width, cells: cells)
  }

  /// A `rowspan` / `colspan` value: 1 when absent or not a number, at most 1,000.
  static func span(_ node: xmlNodePtr, _ attribute: String) -> Int {
    let value = attribute.withCString { name in
      name.withMemoryRebound(to: xmlChar.self, capacity: attribute.utf8.count + 1) {
        xmlGetProp(node, $0)
      }
    }
    guard let value else { return 1 }
    defer { tablemend_xml_free(value) }
    let digits = String(cString: value).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
    guard let n = Int(digits.prefix(6)), n > 0 else { return 1 }
    return min(n, 1_000)
  }
}

/// The text of one table cell, split into paragraphs at block elements and `<br>`.
struct HTMLCellText {
  var rowSpan: Int
  var columnSpan: Int
  var line: Int
  var paragraphs: [String] = []
  /// Tables nested in the cell, read as tables of their own.
  var nestedTables: [xmlNodePtr] = []
  /// Their ids, once read.
  var tableIDs: [String] = []
  private var current = ""

  init(rowSpan: Int, columnSpan: Int, line: Int) {
    self.rowSpan = rowSpan
    self.columnSpan = columnSpan
    self.line = line
  }

  mutating func collect(_ node: xmlNodePtr, depth: Int, limit: Int) throws(DocxError) {
    try visit(node, depth: depth, limit: limit)
    breakParagraph()
  }

  private mutating func visit(_ node: xmlNodePtr, depth: Int, limit: Int) throws(DocxError) {
    guard depth < limit else { throw HTMLWalker.tooDeep(node, limit: limit) }
    var child = node.pointee.children
    while let c = child {
      defer { child = c.pointee.next }
      switch c.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        current += HTMLWalker.content(c)
      case XML_ELEMENT_NODE:
        let name = HTMLWalker.name(c)
        if HTMLWalker.skipped.contains(name) { continue }
        if name == "table" {
          breakParagraph()
          nestedTables.append(c)
          continue
        }
        let isBreak = HTMLWalker.blockElements.contains(name) || ["td", "th"].contains(name)
        if isBreak { breakParagraph() }
        try visit(c, depth: depth + 1, limit: limit)
        if isBreak { breakParagraph() }
      default:
        break
      }
    }
  }

  private mutating func breakParagraph() {
    let folded = Self.fold(current)
    if !folded.isEmpty { paragraphs.append(folded) }
    current = ""
  }

  /// HTML white space folded: runs of spaces, tabs, line breaks and no-break spaces become
  /// one space; leading and trailing ones (and ideographic spaces) are dropped.
  static func fold(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for c in text {
      if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(c)
      }
    }
    return out.trimmingCharacters(in: CharacterSet(charactersIn: " \u{3000}"))
  }
}
