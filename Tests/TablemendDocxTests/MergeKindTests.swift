import Foundation
import TablemendDocx
import TablemendModel
import Testing

/// Every merge kind, cell by cell, on the hand-written fixtures (expectations worked out from
/// tools/docx-fixtures.py, independently of the reader).
@Suite struct MergeKindTests {
  @Test func gridSpanVMergeAndGridBeforeAfter() throws {
    let content = try Fixtures.read("spans.docx")
    #expect(Fixtures.paragraphs(content) == ["标题段落", "表后段落"])
    let table = try #require(Fixtures.tables(content).first)
    #expect(table.id == "t1")
    #expect(table.rowCount == 9)
    #expect(table.columnCount == 5)
    #expect(
      Fixtures.boxes(table) == [
        Box(0, 0, 1, 2, "A"), Box(0, 2, 1, 1, "B"), Box(0, 3, 1, 2, "C"),
        // D: restart, continue with w:val, continue without w:val.
        Box(1, 0, 3, 1, "D"), Box(1, 1, 1, 3, "E"), Box(1, 4, 2, 1, "F"),
        Box(2, 1, 1, 1, "G"), Box(2, 2, 1, 1, "H"), Box(2, 3, 1, 1, "I"),
        // Three paragraphs, the last empty.
        Box(3, 1, 1, 1, "J\nK\n"), Box(3, 2, 1, 2, "L"), Box(3, 4, 1, 1, "M"),
        // w:gridAfter 2 and w:gridBefore 2: empty one-column cells, as LibreOffice imports them.
        Box(4, 0, 1, 1, "N"), Box(4, 1, 1, 2, "O"), Box(4, 3, 1, 1, ""), Box(4, 4, 1, 1, ""),
        Box(5, 0, 1, 1, ""), Box(5, 1, 1, 1, ""), Box(5, 2, 1, 2, "P"), Box(5, 4, 1, 1, "Q"),
        // A merge two columns wide, and restarts that nothing continues.
        Box(6, 0, 2, 1, "R"), Box(6, 1, 2, 2, "S"), Box(6, 3, 1, 1, "T"), Box(6, 4, 1, 1, "U"),
        Box(7, 3, 1, 1, "V"), Box(7, 4, 1, 1, "W"),
        Box(8, 0, 1, 1, "X"), Box(8, 1, 1, 2, "Y"), Box(8, 3, 1, 1, "Z"), Box(8, 4, 1, 1, ""),
      ])
    #expect(table.cells.first { $0.text == "J\nK\n" }?.paragraphs == ["J", "K", ""])
    #expect(content.dialect == "docx")
  }

  @Test func legacyHMerge() throws {
    let table = try #require(Fixtures.tables(try Fixtures.read("hmerge.docx")).first)
    #expect(table.columnCount == 4)
    #expect(
      Fixtures.boxes(table) == [
        Box(0, 0, 1, 2, "甲"), Box(0, 2, 1, 1, "乙"), Box(0, 3, 1, 1, "丙"),
        // A restart followed by two continues written without w:val.
        Box(1, 0, 1, 1, "丁"), Box(1, 1, 1, 3, "戊"),
        // hMerge and vMerge together: a 2x2 block.
        Box(2, 0, 2, 2, "己"), Box(2, 2, 1, 2, "庚"),
        Box(3, 2, 1, 1, "辛"), Box(3, 3, 1, 1, "壬"),
      ])
  }

  @Test func cellsAndRowsInsideContentControlsAndCustomXML() throws {
    let content = try Fixtures.read("sdt.docx")
    #expect(Fixtures.paragraphs(content) == ["控件中的段落"])
    let table = try #require(Fixtures.tables(content).first)
    #expect(
      Fixtures.boxes(table) == [
        Box(0, 0, 1, 1, "项目名称"), Box(0, 1, 1, 2, "机构编制管理"),
        Box(1, 0, 1, 1, "主管部门"), Box(1, 1, 1, 1, "宿州市委编办"), Box(1, 2, 1, 1, "实施单位"),
        Box(2, 0, 1, 1, "一"), Box(2, 1, 1, 1, "二"), Box(2, 2, 1, 1, "三"),
        // The continue cell sits inside a w:sdt.
        Box(3, 0, 2, 1, "四"), Box(3, 1, 1, 1, "五"), Box(3, 2, 1, 1, "六"),
        Box(4, 1, 1, 1, "七"), Box(4, 2, 1, 1, "八"),
      ])
  }

  @Test func nestedTablesGetTheirOwnIdsAndLinks() throws {
    let content = try Fixtures.read("nested.docx")
    var order: [String] = []
    for block in content.blocks {
      switch block {
      case .paragraph(let text, _): order.append(text)
      case .table(let table): order.append(table.id)
      }
    }
    #expect(order == ["嵌套表", "t1", "t2", "两表之间", "t3"])
    let tables = Fixtures.tables(content)
    let outer = tables[0]
    #expect(
      Fixtures.boxes(outer) == [
        Box(0, 0, 1, 1, "外1"), Box(0, 1, 1, 2, "外2"),
        Box(1, 0, 2, 1, "外3"), Box(1, 1, 1, 1, "前\n后"), Box(1, 2, 1, 1, "外4"),
        Box(2, 1, 1, 1, "外5"), Box(2, 2, 1, 1, "外6"),
      ])
    #expect(outer.cells[3].tables == ["t2"])
    #expect(outer.cells.filter { $0.tables != nil }.count == 1)
    #expect(
      Fixtures.boxes(tables[1]) == [
        Box(0, 0, 1, 2, "内1"), Box(1, 0, 2, 1, "内2"), Box(1, 1, 1, 1, "内3"),
        Box(2, 1, 1, 1, "内4"),
      ])
    #expect(Fixtures.boxes(tables[2]) == [Box(0, 0, 1, 1, "第二表"), Box(0, 1, 1, 1, "x")])
  }

  @Test func adjacentTablesAreOneTable() throws {
    let content = try Fixtures.read("adjacent.docx")
    let tables = Fixtures.tables(content)
    #expect(tables.map(\.id) == ["t1", "t2"])
    // Grid lines at 0, 1000, 2000 twips (first table) and 0, 667, 1333, 2000 (the 3-column
    // tables stretched to the same width) give four columns.
    #expect(tables[0].columnCount == 4)
    #expect(
      Fixtures.boxes(tables[0]) == [
        Box(0, 0, 2, 2, "a"), Box(0, 2, 1, 2, "b"), Box(1, 2, 1, 2, "c"),
        Box(2, 0, 1, 1, "d"), Box(2, 1, 1, 2, "e"), Box(2, 3, 1, 1, "f"),
        Box(3, 0, 1, 3, "g"), Box(3, 3, 1, 1, "h"),
      ])
    #expect(Fixtures.boxes(tables[1]) == [Box(0, 0, 1, 1, "独立"), Box(0, 1, 1, 1, "表")])
    #expect(Fixtures.paragraphs(content) == ["之后"])
  }

  @Test func trackedChangesFieldsTabsBreaksBookmarks() throws {
    let table = try #require(Fixtures.tables(try Fixtures.read("revisions.docx")).first)
    #expect(
      Fixtures.boxes(table) == [
        // w:ins kept, w:del dropped; field instruction dropped, result kept; bookmark and
        // proofing marks ignored.
        Box(0, 0, 1, 1, "保留新增文字"), Box(0, 1, 1, 1, "年度2021目标"), Box(0, 2, 1, 1, "书签校对"),
        // w:tab is a tab, w:br a newline inside the paragraph, w:fldSimple keeps its result.
        Box(1, 0, 1, 1, "甲\t乙"), Box(1, 1, 1, 1, "第一行\n第二行"), Box(1, 2, 1, 1, "7"),
        // w:moveFrom dropped, w:moveTo kept; two paragraphs.
        Box(2, 0, 1, 1, "留下"), Box(2, 1, 1, 1, "前移来"), Box(2, 2, 1, 1, "新增\n二段"),
      ])
    #expect(table.cells[4].paragraphs == ["第一行\n第二行"])
    #expect(table.cells[8].paragraphs == ["新增", "二段"])
  }

  @Test func cellLocationsPointAtTheirStartTags() throws {
    let table = try #require(Fixtures.tables(try Fixtures.read("spans.docx")).first)
    let xml = try String(
      contentsOf: Fixtures.corpus.appendingPathComponent("xml/spans-document.xml"), encoding: .utf8)
    let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
    for cell in table.cells where !cell.text.isEmpty {
      #expect(cell.location.part == "word/document.xml")
      let line = lines[cell.location.line - 1]
      let tag = line.dropFirst(cell.location.column - 1).prefix(5)
      #expect(tag == "<w:tc", "\(cell.text) at \(cell.location)")
    }
  }

  @Test func bareAndFlatOPCXMLGiveTheDocxGrid() throws {
    let docx = try Fixtures.read("spans.docx")
    let bare = try Fixtures.read("xml/spans-document.xml")
    let flat = try Fixtures.read("xml/spans-flat.xml")
    #expect(bare.dialect == "wordprocessingml")
    #expect(flat.dialect == "flat-opc")
    let grid = Fixtures.tables(docx).map(Fixtures.boxes)
    #expect(Fixtures.tables(bare).map(Fixtures.boxes) == grid)
    #expect(Fixtures.tables(flat).map(Fixtures.boxes) == grid)
    #expect(Fixtures.paragraphs(flat) == ["标题段落", "表后段落"])
    #expect(Fixtures.tables(bare).first?.cells.first?.location.part == nil)
  }

  @Test func utf16DocumentIsDecodedByLibxml2() throws {
    let xml = String(
      decoding: Fixtures.document("<w:p><w:r><w:t>项目名称</w:t></w:r></w:p>"), as: UTF8.self
    )
    .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    var data = Data([0xFF, 0xFE])
    data.append(xml.data(using: .utf16LittleEndian) ?? Data())
    #expect(DocxReader.accepts(data))
    #expect(Fixtures.paragraphs(try DocxReader.read(data)) == ["项目名称"])
  }
}
