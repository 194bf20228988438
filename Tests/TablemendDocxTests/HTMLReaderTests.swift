import Foundation
import TablemendDocx
import TablemendModel
import Testing

/// HTML tables laid out by the HTML table model (expectations worked out by hand from the
/// markup, independently of the reader).
@Suite struct HTMLReaderTests {
  @Test func rowspanAndColspanTakeTheNextFreeSlot() throws {
    let html = """
      <html><head><title>标题不读</title><style>td { color: red }</style></head><body>
      <h1>项目支出绩效目标表</h1>
      <table>
        <thead><tr><th rowspan="3">绩效指标</th><th>一级</th><th colspan="2">二级</th></tr></thead>
        <tbody>
        <tr><td rowspan=2>产出指标</td><td>A</td><td>B</td></tr>
        <tr><td>C</td><td>D<br>E</td></tr>
        <tr><td>F</td><td colspan="3">G</td></tr>
        </tbody>
      </table>
      <p>表后段落</p><script>var x = "<table><tr><td>no</td></tr></table>";</script>
      </body></html>
      """
    let content = try HTMLReader.read(html)
    #expect(content.dialect == "html")
    #expect(Fixtures.paragraphs(content) == ["项目支出绩效目标表", "表后段落"])
    let table = try #require(Fixtures.tables(content).first)
    #expect(Fixtures.tables(content).count == 1)
    #expect(table.rowCount == 4)
    #expect(table.columnCount == 4)
    #expect(
      Fixtures.boxes(table) == [
        Box(0, 0, 3, 1, "绩效指标"), Box(0, 1, 1, 1, "一级"), Box(0, 2, 1, 2, "二级"),
        Box(1, 1, 2, 1, "产出指标"), Box(1, 2, 1, 1, "A"), Box(1, 3, 1, 1, "B"),
        Box(2, 2, 1, 1, "C"), Box(2, 3, 1, 1, "D\nE"),
        Box(3, 0, 1, 1, "F"), Box(3, 1, 1, 3, "G"),
      ])
  }

  @Test func shortRowsLeaveEmptySlotsAndNestedTablesAreTablesOfTheirOwn() throws {
    // A page laid out with a table: the form's table sits in one of its cells.
    let html = """
      <table><tr><td>A</td><td>B</td><td>C</td></tr>
      <tr><td>前<table><tr><td>内1</td><td>内2</td></tr>
      <tr><td colspan=2><table><tr><td>深</td></tr></table></td></tr></table>后</td></tr>
      </table><table><tr><td>下一个</td></tr></table>
      """
    let tables = Fixtures.tables(try HTMLReader.read(html))
    #expect(tables.map(\.id) == ["t1", "t2", "t3", "t4"])
    #expect(
      Fixtures.boxes(tables[0]) == [
        Box(0, 0, 1, 1, "A"), Box(0, 1, 1, 1, "B"), Box(0, 2, 1, 1, "C"),
        Box(1, 0, 1, 1, "前\n后"), Box(1, 1, 1, 1, ""), Box(1, 2, 1, 1, ""),
      ])
    #expect(tables[0].cells[3].tables == ["t2"])
    #expect(
      Fixtures.boxes(tables[1]) == [
        Box(0, 0, 1, 1, "内1"), Box(0, 1, 1, 1, "内2"), Box(1, 0, 1, 2, ""),
      ])
    #expect(tables[1].cells[2].tables == ["t3"])
    #expect(Fixtures.boxes(tables[2]) == [Box(0, 0, 1, 1, "深")])
    #expect(Fixtures.boxes(tables[3]) == [Box(0, 0, 1, 1, "下一个")])
  }

  @Test func markdownAroundARawTableKeepsItsLines() throws {
    let markdown = """
      宿州市委编办2021年项目及绩效目标情况

      （6）绩效目标和指标：详见下表。

      <table>
      <tbody>
      <tr class="odd"><td colspan="2">项目支出绩效目标表</td></tr>
      <tr class="even"><td>项目名称</td><td>机构编制管理</td></tr>
      </tbody>
      </table>
      """
    #expect(HTMLReader.looksLikeHTML(markdown))
    let content = try HTMLReader.read(markdown)
    #expect(
      Fixtures.paragraphs(content) == ["宿州市委编办2021年项目及绩效目标情况", "（6）绩效目标和指标：详见下表。"])
    let table = try #require(Fixtures.tables(content).first)
    #expect(Fixtures.boxes(table).map(\.text) == ["项目支出绩效目标表", "项目名称", "机构编制管理"])
  }

  @Test func aMetaCharsetDoesNotSwitchTheDecoding() throws {
    // The text is decoded before parsing; libxml2 must not re-decode it as the page claims.
    for charset in ["utf-16", "gbk", "iso-8859-1"] {
      let html = "<meta charset=\"\(charset)\"><table><tr><td>测试 é</td></tr></table>"
      let table = try #require(Fixtures.tables(try HTMLReader.read(html)).first)
      #expect(Fixtures.boxes(table) == [Box(0, 0, 1, 1, "测试 é")], "\(charset)")
    }
  }

  @Test func detectionNeedsATableAndACell() {
    #expect(HTMLReader.looksLikeHTML("<TABLE border=1><TR><TD>x</TD></TR></TABLE>"))
    #expect(!HTMLReader.looksLikeHTML("一级指标\t二级指标\t三级指标\n产出指标\t数量指标"))
    #expect(!HTMLReader.looksLikeHTML("<p>no table here</p><td>"))
  }

  @Test func hostileSpansAndNestingEndWithALimit() throws {
    // A colspan of a million is capped at 1,000, and the slots stay under the cell limit.
    var limits = Limits.standard
    limits.maxCellsPerTable = 500
    #expect(throws: DocxError.self) {
      try HTMLReader.read("<table><tr><td colspan=1000000>x</td></tr></table>", limits: limits)
    }
    let deep = String(repeating: "<div>", count: 5000) + "<table><tr><td>x</td></tr></table>"
    do {
      let content = try HTMLReader.read(deep)
      // libxml2 may stop the nesting itself; either way nothing crashes.
      #expect(Fixtures.tables(content).count <= 1)
    } catch {
      #expect(error.message.contains("maxXMLDepth") || error.message.contains("HTML"))
    }
  }
}
