import Testing

@testable import TablemendText

/// MediaWiki, AsciiDoc and LaTeX tables: spans as the syntax writes them.
@Suite struct MarkupTableDialectTests {
  func rows(_ text: String, _ dialect: any TextDialect.Type) throws -> [RawRow] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(dialect.score(lines) > 0.9)
    #expect(PipeRowsDialect.score(lines) < dialect.score(lines))
    let tokens = try dialect.tokenize(lines, limits: .standard)
    #expect(tokens.dialect == dialect.name)
    return tokens.segments.flatMap { segment -> [RawRow] in
      if case .rows(let rows) = segment { return rows }
      return []
    }
  }

  @Test func mediaWikiSpansAndContinuationLines() throws {
    let text = """
      标题
      {| class="wikitable"
      |-
      | colspan="3"| 项目支出绩效目标表
      |-
      | rowspan="2"| 产

      出
      | 数量指标 || 培训次数
      |-
      | 质量指标
      | '''合格率'''
      |}
      """
    let rows = try rows(text, MediaWikiDialect.self)
    #expect(rows.count == 3)
    #expect(rows[0].cells.map(\.columnSpan) == [3])
    let label = try #require(rows[1].cells.first)
    #expect(label.rowSpan == 2)
    #expect(label.paragraphs == ["产", "出"])
    #expect(rows[1].cells.map(\.text) == ["产\n出", "数量指标", "培训次数"])
    #expect(rows[2].cells.map(\.text) == ["质量指标", "合格率"])
  }

  @Test func asciiDocSpecifiersFlowCellsIntoRows() throws {
    let text = """
      [width="80%",cols="25%,25%,25%,25%",]
      |===
      |部门名称 3+|中共鄂州市委编办

      .2+|产出指标 |数量指标 |审核单位个数 |大于等于 100 个

      |质量指标 2.1+|完善人员编制信息 +
      第二段

      |合计 |a\\|b 2*|10
      |===
      """
    let rows = try rows(text, AsciiDocDialect.self)
    #expect(rows.count == 4)
    #expect(rows[0].cells.map(\.columnSpan) == [1, 3])
    #expect(rows[1].cells.first?.rowSpan == 2)
    // The row under the row span starts in column 1.
    #expect(rows[2].cells.map(\.column) == [1, 2])
    #expect(rows[2].cells.last?.columnSpan == 2)
    #expect(rows[2].cells.last?.paragraphs == ["完善人员编制信息", "第二段"])
    // An escaped bar stays in the text; `2*` writes the cell twice.
    #expect(rows[3].cells.map(\.text) == ["合计", "a\\|b", "10", "10"])
  }

  @Test func asciiDocWithoutColsCountsTheFirstLine() throws {
    let text = """
      |===
      |一级 |二级 |三级
      |产出 |数量 |次数
      |===
      """
    let rows = try rows(text, AsciiDocDialect.self)
    #expect(rows.map(\.cells.count) == [3, 3])
  }

  @Test func latexSpansCoveredSlotsAndEscapes() throws {
    let text = #"""
      标题
      \begin{longtable}[]{@{}
        >{\raggedright\arraybackslash}p{0.2\linewidth}
        >{\raggedright\arraybackslash}p{0.2\linewidth}
        >{\raggedright\arraybackslash}p{0.2\linewidth}@{}}
      \toprule\noalign{}
      \endhead
      \bottomrule\noalign{}
      \endlastfoot
      \multicolumn{3}{@{}>{\raggedright\arraybackslash}p{1.0\linewidth}@{}}{%
      项目支出绩效目标表} \\
      \multirow{2}{=}{产

      出} & 数量指标 & \textgreater{}95\% \\
      & 质量指标 & ``合格'' --- 是 \\
      \end{longtable}
      """#
    let rows = try rows(text, LaTeXTableDialect.self)
    #expect(rows.count == 3)
    #expect(rows[0].cells.map(\.columnSpan) == [3])
    #expect(rows[0].cells.first?.text == "项目支出绩效目标表")
    let label = try #require(rows[1].cells.first)
    #expect(label.rowSpan == 2 && label.paragraphs == ["产", "出"])
    #expect(rows[1].cells.last?.text == ">95%")
    // The covered slot's empty cell is not a cell: the row starts in column 1.
    #expect(rows[2].cells.map(\.column) == [1, 2])
    #expect(rows[2].cells.last?.text == "“合格” — 是")
  }

  @Test func aForcedDialectThatFindsNoTableSaysSo() throws {
    let tokens = try TextReader.tokenize(
      "一级指标\t二级指标\t三级指标\n产出指标\t数量指标\t培训人次\n", dialect: "mediawiki",
      limits: .standard)
    let warning = try #require(tokens.diagnostics.first { $0.code == "no-table" })
    #expect(warning.message.contains("tab-per-row"))
  }
}
