import Foundation
import TablemendModel
import Testing
import ZIPFoundation

@testable import TablemendSheets

/// The xlsx reader's own worksheet scanner gives the libxml2 handler's sheet on real and
/// written workbooks, in pieces of any size, and gives up on everything it does not fully
/// understand.
@Suite struct WorksheetScannerTests {
  typealias Check = WorksheetScannerCheck

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  /// A worksheet part around `body`.
  func part(_ body: String, prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    -> Data
  {
    Data("\(prolog)<worksheet xmlns=\"\(Self.main)\">\(body)</worksheet>".utf8)
  }

  /// Scanned in pieces of 1, 2, 3, 7, 64 bytes and whole: never gives up, always libxml2's sheet.
  func expectSame(_ xml: Data, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let parsed = try Check.parse(xml).get()
    for size in [1, 2, 3, 7, 64, xml.count] {
      let scanned = Check.scan(xml, pieceSize: size)
      #expect(scanned != nil, "gave up (pieces of \(size))", sourceLocation: sourceLocation)
      #expect(scanned == parsed, "pieces of \(size)", sourceLocation: sourceLocation)
    }
  }

  /// Each worksheet part of an `.xlsx` file, its shared strings and its styles.
  func worksheets(of url: URL) throws -> (
    parts: [(path: String, xml: Data)], strings: [String], styles: XLSXReader.Styles
  ) {
    let archive = try Archive(url: url, accessMode: .read)
    var parts: [(String, Data)] = []
    var strings: [String] = []
    var styles = XLSXReader.Styles()
    for entry in archive where entry.path.hasPrefix("xl/") && entry.path.hasSuffix(".xml") {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      if entry.path.hasPrefix("xl/worksheets/") {
        parts.append((entry.path, data))
      } else if entry.path == "xl/sharedStrings.xml" {
        strings = try XLSXReader.readSharedStrings(data, part: entry.path, limits: .standard)
      } else if entry.path == "xl/styles.xml" {
        styles = try XLSXReader.readStyles(data, part: entry.path, limits: .standard)
      }
    }
    return (parts.sorted { $0.0 < $1.0 }, strings, styles)
  }

  /// The scanner's sheet for `xml` in pieces of `size` bytes, or nil when it gives up.
  func scan(_ xml: Data, size: Int, strings: [String], styles: XLSXReader.Styles) -> Sheet? {
    var scanner = WorksheetScanner(
      strings: strings, styles: styles, date1904: false, limits: .standard)
    let fed = xml.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
      stride(from: 0, to: bytes.count, by: size).allSatisfy { at in
        scanner.feed(UnsafeRawBufferPointer(rebasing: bytes[at..<min(bytes.count, at + size)]))
      }
    }
    return fed ? scanner.finish() : nil
  }

  @Test func givesLibXML2sSheetOnTheCorpusAndRealWorkbooks() throws {
    var files = try FileManager.default.contentsOfDirectory(
      at: Workbooks.packageRoot.appendingPathComponent("corpus/sheets"),
      includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "xlsx" }
    if Workbooks.hasReal {
      files += try FileManager.default.contentsOfDirectory(
        at: Workbooks.real, includingPropertiesForKeys: nil
      ).filter { $0.pathExtension == "xlsx" }
    }
    #expect(files.count >= 4)
    var parts = 0
    for file in files {
      let (found, strings, styles) = try worksheets(of: file)
      for (path, xml) in found {
        let parsed = try XLSXReader.readSheet(
          xml, part: path, strings: strings, styles: styles, date1904: false, limits: .standard)
        for size in [1, 5, 256 << 10] {
          let scanned = scan(xml, size: size, strings: strings, styles: styles)
          #expect(scanned != nil, "\(file.lastPathComponent) \(path) gave up")
          #expect(scanned == parsed, "\(file.lastPathComponent) \(path), pieces of \(size)")
        }
        #expect(!parsed.cells.isEmpty)
        parts += 1
      }
    }
    #expect(parts >= 4)
  }

  @Test func readsWhatExcelAndOthersWrite() throws {
    let body = """
      <dimension ref="A1:D4"/><cols><col min="2" max="3" width="9" hidden="true"/></cols>\
      <sheetData>\r\n<row r="1" spans="1:4" x14ac:dyDescent="0.25">\
      <c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v> 2 </v></c><c r="C1" t="inlineStr"><is>\
      <r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 甲 &amp; &lt;乙&gt; &quot;&apos;</t></r>\
      <r><t>&#20108;&#x4E09;&#x1F600;&#13;&#10;四</t></r><rPh sb="0" eb="1"><t>jia</t></rPh></is></c>\
      <c r="D1" s="1"><v>0.95</v></c></row>
      <row r="3" hidden="1"><c t="str"><f>A1&amp;B1</f><v>x_x000D_y</v></c><c t="b"><v>1</v></c>\
      <c t="e"><v>#DIV/0!</v></c><c s="2"><v>44197</v></c><c s="3"><v>-1.5E-2</v></c>\
      <c t="d"><v>2021-01-01</v></c><c/><c r="H3"><v>  12  </v></c><c><v>1e400</v></c></row>
      <row><c r="b4" t="s"><v>0</v></c><c r="$C$4" t='s'><v>2</v></c><c s="+2"><v>1</v></c></row>\
      </sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="c4:d5"/>\
      </mergeCells><extLst><ext uri="{X}" xmlns:x14="http://schemas.microsoft.com/office/2009/9/main">\
      <x14:conditionalFormattings><x14:cfRule/></x14:conditionalFormattings></ext></extLst>
      """
    let prolog =
      "\u{FEFF}<?xml version='1.0' encoding='utf-8' standalone=\"yes\" ?>\r\n"
    let xml = Data(
      ("\(prolog)<worksheet xmlns=\"\(Self.main)\" xmlns:x14ac=\"urn:x14ac\" "
        + "xmlns:mc=\"urn:mc\" mc:Ignorable=\"x14ac\">\(body)</worksheet>\n").utf8)
    try expectSame(xml)
    let sheet = try #require(Check.scan(xml, pieceSize: 3))
    let texts = sheet.cells.map(\.text)
    #expect(texts.contains(" 甲 & <乙> \"'二三😀\n四"))
    #expect(texts.contains("95%"))
    #expect(texts.contains("x\ny"))
    #expect(sheet.hiddenRows == [2])
    #expect(sheet.hiddenColumns == [1, 2])
    #expect(sheet.merges.count == 2)
    // Without a declaration, and with one but no encoding.
    try expectSame(part("<sheetData><row><c><v>1</v></c></row></sheetData>", prolog: ""))
    try expectSame(
      part("<sheetData><row><c><v>1</v></c></row></sheetData>", prolog: "<?xml version=\"1.0\"?>"))
  }

  @Test func manyBatchesOfCellsKeepTheirOrder() throws {
    // 12,000 cells: the worker's batches of 4,096 and a short last one, a limit past them.
    var body = "<sheetData>"
    for r in 1...3_000 {
      body +=
        "<row r=\"\(r)\"><c t=\"inlineStr\"><is><t>项\(r)</t></is></c><c><v>\(r)</v></c>"
        + "<c s=\"1\"><v>0.\(r)</v></c><c t=\"s\"><v>\(r % 3)</v></c></row>"
    }
    let xml = part(body + "</sheetData>")
    let parsed = try Check.parse(xml).get()
    #expect(parsed.cells.count == 12_000)
    for size in [64, 4_096, xml.count] {
      #expect(Check.scan(xml, pieceSize: size) == parsed, "pieces of \(size)")
    }
    // One cell more than 4 × maxCellsPerTable: libxml2's path reports the limit.
    var limits = Limits.standard
    limits.maxCellsPerTable = 2_999
    #expect(Check.scan(xml, pieceSize: 4_096, limits: limits) == nil)
    limits.maxCellsPerTable = 3_000
    #expect(Check.scan(xml, pieceSize: 4_096, limits: limits) == parsed)
  }

  @Test func everySplitOfAPartGivesTheSameSheet() throws {
    let xml = part(
      "<sheetData><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>甲&amp;&#x4E59;</t></is></c>"
        + "<c r=\"B2\" s=\"1\"><v>0.5</v></c></row></sheetData>"
        + "<mergeCells><mergeCell ref=\"A2:A3\"/></mergeCells>",
      prolog: "\u{FEFF}<?xml version=\"1.0\"?>")
    let parsed = try Check.parse(xml).get()
    xml.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
      for split in 0...bytes.count {
        var scanner = WorksheetScanner(
          strings: Check.strings, styles: Check.styles, date1904: false, limits: .standard)
        let fed =
          scanner.feed(UnsafeRawBufferPointer(rebasing: bytes[0..<split]))
          && scanner.feed(UnsafeRawBufferPointer(rebasing: bytes[split...]))
        #expect(fed)
        #expect(scanner.finish() == parsed, "split at \(split)")
      }
    }
  }

  /// Parts the scanner must give up on (libxml2 reads or refuses them).
  static let refused: [(String, String)] = [
    ("prefixed row", "<sheetData><x:row xmlns:x=\"\(main)\"><c><v>1</v></c></x:row></sheetData>"),
    ("prefixed cell", "<sheetData xmlns:x=\"\(main)\"><row><x:c><v>1</v></x:c></row></sheetData>"),
    ("CDATA", "<sheetData><row><c t=\"str\"><v><![CDATA[a<b]]></v></c></row></sheetData>"),
    ("comment", "<sheetData><!-- note --><row><c><v>1</v></c></row></sheetData>"),
    ("processing instruction", "<sheetData><?mso x?><row><c><v>1</v></c></row></sheetData>"),
    ("unknown entity", "<sheetData><row><c t=\"str\"><v>&nbsp;</v></c></row></sheetData>"),
    ("reference to no character", "<sheetData><row><c t=\"str\"><v>&#1;</v></c></row></sheetData>"),
    (
      "namespace name that is no URI",
      "<sheetData xmlns=\"urn:x}\"><row><c><v>1</v></c></row></sheetData>"
    ),
    (
      "port that is no number",
      "<sheetData xmlns:a=\"http://h:x/\"><row><c><v>1</v></c></row></sheetData>"
    ),
    ("undeclared prefix", "<sheetData><row y:a=\"1\"><c><v>1</v></c></row></sheetData>"),
    ("mismatched end tag", "<sheetData><row><c><v>1</v></c></rows></sheetData>"),
    ("duplicate attribute", "<sheetData><row><c r=\"A1\" r=\"A2\"><v>1</v></c></row></sheetData>"),
    ("reference in an attribute", "<sheetData><row><c r=\"A&#49;\"><v>1</v></c></row></sheetData>"),
    ("line end in kept text", "<sheetData><row><c t=\"str\"><v>a\r\nb</v></c></row></sheetData>"),
    ("]]> in text", "<sheetData><row><c t=\"str\"><v>a]]>b</v></c></row></sheetData>"),
    ("bad cell reference", "<sheetData><row><c r=\"1A\"><v>1</v></c></row></sheetData>"),
    ("shared string past the table", "<sheetData><row><c t=\"s\"><v>9</v></c></row></sheetData>"),
    ("unclosed", "<sheetData><row><c><v>1</v></c></row>"),
  ]

  @Test func givesUpOnWhatItDoesNotFullyUnderstand() throws {
    for (what, body) in Self.refused {
      let xml = part(body)
      #expect(Check.scan(xml, pieceSize: xml.count) == nil, "\(what)")
      #expect(Check.scan(xml, pieceSize: 2) == nil, "\(what), pieces of 2")
    }
    let body = "<sheetData><row><c><v>1</v></c></row></sheetData>"
    for prolog in [
      "<?xml version=\"1.0\" encoding=\"GB2312\"?>", "<?xml version=\"1.1\"?>",
      "<!DOCTYPE worksheet>", "<?xml version=\"1.0\"?><!-- c -->",
      "<?xml version=\"1.0\"?><?pi x?>",
    ] {
      #expect(Check.scan(part(body, prolog: prolog), pieceSize: 7) == nil, "\(prolog)")
    }
    // UTF-16, invalid UTF-8, a control character, text after the root.
    let utf16 = try #require(
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet/>".data(using: .utf16))
    #expect(Check.scan(utf16, pieceSize: 64) == nil)
    var invalid = part("<sheetData><row><c t=\"str\"><v>ab</v></c></row></sheetData>")
    invalid[invalid.count - 40] = 0xFF
    #expect(Check.scan(invalid, pieceSize: 64) == nil)
    #expect(Check.scan(part("<a>\u{01}</a>"), pieceSize: 64) == nil)
    #expect(Check.scan(Data("<worksheet/>x".utf8), pieceSize: 64) == nil)
    #expect(Check.scan(Data("<worksheet/><worksheet/>".utf8), pieceSize: 64) == nil)
    // Nesting past maxXMLDepth: libxml2's path reports the limit.
    var limits = Limits.standard
    limits.maxXMLDepth = 3
    #expect(Check.scan(part("<a><b><c/></b></a>"), pieceSize: 64, limits: limits) == nil)
  }

  @Test func theReaderGivesWhatLibXML2GivesWhereTheScannerGivesUp() throws {
    // CDATA: read through libxml2, same text.
    let data = try Workbooks.xlsx(sheets: [
      (
        "表",
        "<sheetData><row><c t=\"str\"><v><![CDATA[a<b]]></v></c><c><v>2</v></c></row></sheetData>"
      )
    ])
    let tables = Workbooks.tables(try SheetsReader.read(data, format: .xlsx))
    #expect(tables.first.map(Workbooks.boxes) == ["0,0 1x1 a<b", "0,1 1x1 2"])
    // A shared string past the table: libxml2's error with its place.
    let broken = try Workbooks.xlsx(sheets: [
      ("表", "<sheetData><row><c r=\"B2\" t=\"s\"><v>3</v></c></row></sheetData>")
    ])
    do {
      _ = try SheetsReader.read(broken, format: .xlsx)
      Issue.record("no error")
    } catch {
      #expect(error.description.contains("names shared string 3"))
      #expect(error.description.hasPrefix("xl/worksheets/sheet1.xml:1:"))
    }
  }
}
