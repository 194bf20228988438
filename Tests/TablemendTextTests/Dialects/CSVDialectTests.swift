import Foundation
import TablemendModel
import Testing

@testable import TablemendText

/// Comma-separated values as Excel and WPS 表格 write them (RFC 4180), worked out by hand.
@Suite struct CSVDialectTests {
  static let form = #"""
    项目支出绩效目标表,,,,
    项目名称,测试项目,,,
    绩效指标,一级指标,二级指标,三级指标,指标值
    ,产出指标,数量指标,"培训人数,含线上",≥100人
    ,,质量指标,"合格率 ""一次""",≥95%
    ,效益指标,"社会效益
    指标",群众知晓率,≥90%
    """#

  static func rows(_ text: String) throws -> [[String]] {
    let tokens = try TextReader.tokenize(text, dialect: nil, limits: .standard)
    #expect(tokens.dialect == "csv")
    return tokens.segments.flatMap { segment -> [[String]] in
      guard case .rows(let rows) = segment else { return [] }
      return rows.map { $0.cells.map(\.text) }
    }
  }

  @Test func quotedCommasQuotesAndLineBreaks() throws {
    let rows = try Self.rows(Self.form)
    #expect(rows.count == 6)
    #expect(rows[0] == ["项目支出绩效目标表", "", "", "", ""])
    #expect(rows[3] == ["", "产出指标", "数量指标", "培训人数,含线上", "≥100人"])
    #expect(rows[4] == ["", "", "质量指标", "合格率 \"一次\"", "≥95%"])
    // A line break inside quotes splits the cell into paragraphs, not the record.
    #expect(rows[5] == ["", "效益指标", "社会效益\n指标", "群众知晓率", "≥90%"])
  }

  @Test func proseWithThousandsSeparatorsIsNotCSV() throws {
    let text = "项目资金总额 4,100,000.00 元\n年度资金 1,200,000.00 元，其中财政拨款\n说明文字"
    let tokens = try TextReader.tokenize(text, dialect: nil, limits: .standard)
    #expect(tokens.dialect != "csv")
  }

  @Test func tabSeparatedTextIsNotCSV() throws {
    let text = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t人数,次数\t≥1\n效益\t社会\t知晓率\t≥90%"
    let tokens = try TextReader.tokenize(text, dialect: nil, limits: .standard)
    #expect(tokens.dialect == "tab-per-row")
  }
}
