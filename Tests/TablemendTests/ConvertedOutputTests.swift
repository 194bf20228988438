import Foundation
import Testing

@testable import Tablemend

/// `Converter.convertForOutput` and `ConvertedOutput.write`: the bytes of
/// `JSONOutput.encode(convert(…))`, whether the document is encoded whole, written in pieces,
/// or its workbook tables' cells are made one at a time.
@Suite struct ConvertedOutputTests {
  /// An Excel 2003 XML workbook: a data table (no scalar a form needs unless `form` puts one
  /// in), a merge, a cell of two lines, one with characters JSON escapes and empty lines, a
  /// lone cell read as a paragraph, a second sheet.
  func workbook(rows: Int, paragraph: String = "说明", form: Bool = false) -> Data {
    var table = ""
    for r in 0..<rows {
      let first =
        r == 0
        ? "<Cell ss:MergeAcross=\"1\"><Data ss:Type=\"String\">合并</Data></Cell>"
        : "<Cell><Data ss:Type=\"String\">项目\(r)</Data></Cell><Cell><Data ss:Type=\"Number\">\(r)</Data></Cell>"
      table +=
        "<Row>\(first)<Cell><Data ss:Type=\"Number\">\(Double(r) * 1.25)</Data></Cell>"
        + "<Cell><Data ss:Type=\"String\">产出指标</Data></Cell>"
        + "<Cell><Data ss:Type=\"String\">\(r == 3 ? "两行&#10;文字" : r == 5 ? "引号\\\" 反斜\\\\ &#9;&#10;&#10;" : "≥98%")</Data></Cell></Row>"
    }
    if form { table += "<Row><Cell><Data ss:Type=\"String\">项目名称</Data></Cell></Row>" }
    return Data(
      """
      <?xml version="1.0"?>
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
       xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
       <Worksheet ss:Name="数据"><Table>
        <Row><Cell><Data ss:Type="String">\(paragraph)</Data></Cell></Row>
        <Row ss:Index="3"/>\(table)
       </Table></Worksheet>
       <Worksheet ss:Name="二"><Table>
        <Row><Cell><Data ss:Type="String">甲</Data></Cell><Cell><Data ss:Type="String">乙</Data></Cell></Row>
       </Table></Worksheet>
      </Workbook>
      """.utf8)
  }

  func written(_ output: ConvertedOutput, chunkSize: Int = 1 << 20) throws -> Data {
    var joined = Data()
    try output.write(chunkSize: chunkSize) { joined.append(contentsOf: $0) }
    return joined
  }

  @Test func everyWayWritesTheEncodedBytes() throws {
    // Each workbook and the tables left unbuilt: a data table and the second sheet's; none when
    // a paragraph may name a form; the second sheet's when the first table may hold one.
    let cases: [(Data, Set<String>)] = [
      (workbook(rows: 40), ["t1", "t2"]),
      (workbook(rows: 40, paragraph: "单位名称：某局"), []),
      (workbook(rows: 40, form: true), ["t2"]),
    ]
    for (data, unbuilt) in cases {
      let expected = try JSONOutput.encode(Converter().convert(data: data, path: "book.xml"))
      let whole = try Converter().convertForOutput(data: data, path: "book.xml")
      #expect(whole.json != nil)
      #expect(try written(whole) == expected)
      let streamed = try Converter().convertForOutput(
        data: data, path: "book.xml", streamedCells: 0)
      #expect(streamed.json == nil)
      #expect(Set(streamed.grids.keys) == unbuilt)
      for chunkSize in [1, 700, 1 << 20] {
        #expect(try written(streamed, chunkSize: chunkSize) == expected)
      }
      #expect(try JSONOutput.encode(streamed.fullDocument()) == expected)
      #expect(try streamed.forms == Converter().convert(data: data, path: "book.xml").forms)
    }
  }

  /// `.xlsx` workbooks whose sheets are summarised as they are read (`keptCells` small) and
  /// read again as they are written: the corpus's and the real ones (when present), forms
  /// (their tables built from a reading again) and data tables alike.
  @Test func summarisedWorkbooksWriteTheEncodedBytes() throws {
    let corpus = packageRoot.appendingPathComponent("corpus/sheets")
    let real = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/real/xls")
    var files = try FileManager.default.contentsOfDirectory(
      at: corpus, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "xlsx" }
    files +=
      ((try? FileManager.default.contentsOfDirectory(
        at: real, includingPropertiesForKeys: nil)) ?? []).filter { $0.pathExtension == "xlsx" }
    #expect(files.count >= 4)
    for file in files {
      let data = try Data(contentsOf: file)
      let expected = try JSONOutput.encode(Converter().convert(data: data, path: "book.xlsx"))
      for streamedCells in [0, Converter.streamedCells] {
        let output = try Converter().convertForOutput(
          data: data, path: "book.xlsx", streamedCells: streamedCells, keptCells: 4)
        #expect(try written(output, chunkSize: 999) == expected, "\(file.lastPathComponent)")
        #expect(try JSONOutput.encode(output.fullDocument()) == expected)
      }
    }
  }

  @Test func aFailingSinkStopsTheWriting() throws {
    struct Full: Error {}
    let output = try Converter().convertForOutput(
      data: workbook(rows: 200), path: "book.xml", streamedCells: 0)
    var pieces = 0
    #expect(throws: Full.self) {
      try output.write(chunkSize: 100) { _ in
        pieces += 1
        if pieces == 3 { throw Full() }
      }
    }
    #expect(pieces == 3)
  }
}
