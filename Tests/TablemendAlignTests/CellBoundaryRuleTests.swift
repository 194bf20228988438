import TablemendModel
import Testing

@testable import TablemendAlign

/// Rules about where a cell starts and ends in flattened text, one synthetic text each, from
/// the held-out pages of session 11.
@Suite("CellStreamReader, cell boundaries")
struct CellBoundaryRuleTests {
  typealias Row = AlignedRow

  /// A text written one cell a line, each cell closed by ` |`, with the line breaks of a long
  /// cell kept: the lines before the closing bar are the cell's start.
  @Test func linesBeforeAClosingBarAreOneCell() {
    let text = """
      一级指标 |
      二级指标 |
      三级指标 |
      指标值 |
      产出指标 |
      数量指标 |
      开展运动种类 |
      1种 |
      效益指标 |
      社会效益指标 |
      打造金安国际网球
      公开赛等系列品牌赛事 |
      影响可持续 |
      满意度指标 |
      满意度指标 |
      群众满意度 |
      ≥95% |
      """
    #expect(
      rows(text) == [
        Row(level1: "产出指标", level2: "数量指标", name: "开展运动种类", raw: "1种"),
        Row(level1: "效益指标", level2: "社会效益指标", name: "打造金安国际网球公开赛等系列品牌赛事", raw: "影响可持续"),
        Row(level1: "满意度指标", level2: "满意度指标", name: "群众满意度", raw: "≥95%"),
      ])
  }

  func rows(_ text: String) -> [Row] { AlignedRow.rows(text) }
}
