@testable import TablemendAlign

/// One indicator the aligner read, as the aligner tests compare it: its labels, name and raw
/// target.
struct AlignedRow: Equatable, CustomStringConvertible {
  var level1, level2, name, raw: String
  var description: String { "\(level1)/\(level2)/\(name)=\(raw)" }

  /// Every indicator of every block the aligner reads in `text`, in order.
  static func rows(_ text: String) -> [AlignedRow] {
    IndicatorAligner.blocks(in: text).flatMap(\.indicators).map {
      AlignedRow(level1: $0.level1, level2: $0.level2, name: $0.level3, raw: $0.value.raw)
    }
  }
}
