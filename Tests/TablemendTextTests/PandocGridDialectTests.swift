import Testing

@testable import TablemendText

@Suite struct PandocGridDialectTests {
  // Pandoc 3 draws spans by leaving borders out; CJK characters take two display columns.
  let grid = """
    标题

    +------+------+------+
    | 一级 | 二级 | 三级 |
    +------+------+------+
    | 产   | 数量 | 培训 |
    |      |      | 次数 |
    | 出   +------+------+
    |      | 质量 | 合格 |
    +------+------+------+
    | 合计               |
    +--------------------+
    """

  func rows() throws -> [RawRow] {
    let lines = grid.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(PandocGridDialect.score(lines) > 0.8)
    #expect(TabPerRowDialect.score(lines) == 0)
    let tokens = try PandocGridDialect.tokenize(lines, limits: .standard)
    guard case .paragraph(let title, _) = tokens.segments.first else {
      Issue.record("no title paragraph")
      return []
    }
    #expect(title == "标题")
    guard case .rows(let rows) = tokens.segments.last else { return [] }
    return rows
  }

  @Test func spansComeFromMissingBorders() throws {
    let rows = try rows()
    #expect(rows.count == 4)
    let label = try #require(rows[1].cells.first)
    #expect(label.paragraphs == ["产", "出"])
    #expect(label.rowSpan == 2)
    #expect(label.column == 0)
    #expect(rows[1].cells[2].paragraphs == ["培训次数"])  // wrapped CJK joined without a space
    #expect(rows[2].cells.map(\.column) == [1, 2])
    let total = try #require(rows[3].cells.first)
    #expect(total.columnSpan == 3)
    #expect(total.text == "合计")
  }

  @Test func tableTheConverterCouldNotDrawIsReported() throws {
    let lines = ["说明", "", "[TABLE]", "+--+", "|a |", "+--+"].map { Substring($0) }
    let tokens = try PandocGridDialect.tokenize(lines, limits: .standard)
    #expect(tokens.diagnostics.contains { $0.code == "table-omitted" })
  }
}

@Suite struct RepeatedSpanTSVDialectTests {
  @Test func repeatedSlotsBecomeOneCellAndBrokenRowsRejoin() throws {
    let text = "标题\t标题\t标题\n项目名称\t测试\t测试\n一级\n指标\t二级\t三级\n产出\t数量\t次数\n"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(RepeatedSpanTSVDialect.score(lines) >= TabPerRowDialect.score(lines))
    #expect(
      try TextReader.tokenize(text, dialect: nil, limits: .standard).dialect == "tsv-repeated-spans"
    )
    let tokens = try RepeatedSpanTSVDialect.tokenize(lines, limits: .standard)
    guard case .rows(let rows) = tokens.segments.first else {
      Issue.record("no rows")
      return
    }
    #expect(rows.count == 4)
    #expect(rows[0].cells.count == 1)
    #expect(rows[0].cells[0].columnSpan == 3)
    #expect(rows[1].cells.map(\.text) == ["项目名称", "测试"])
    #expect(rows[2].cells.map(\.text) == ["一级\n指标", "二级", "三级"])
  }
}
