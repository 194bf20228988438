import TablemendVocabulary

extension LevelLabels {
  /// A block whose 一级 labels are tiers above the usual ones (an NDRC-style 实施效果指标 /
  /// 过程管理指标 form, with 产出指标 / 效益指标 / 满意度指标 under them) reads the usual 一级
  /// labels as its 二级.
  static func demotingUnderTiers(_ cells: [StreamCell]) -> [StreamCell] {
    guard cells.contains(where: { $0.kind == .level1 && isTier($0.text) }) else { return cells }
    return cells.map { cell in
      var out = cell
      if (cell.kind == .level1 || cell.kind == .eitherLevel) && !isTier(cell.text) {
        out.kind = .level2
      }
      return out
    }
  }

  /// `实施效果指标`, `过程管理指标`.
  static func isTier(_ text: String) -> Bool {
    guard let c = core(text) else { return false }
    return c == "实施效果" || c == "过程管理"
  }
}
