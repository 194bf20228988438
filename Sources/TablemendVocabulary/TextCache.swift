import Synchronization

/// Results of a pure function of a cell's text, shared by every conversion of a process.
///
/// The vocabulary's tests (`CellClassifier.classify`, `LevelLabels.core`) depend on the text
/// alone, and the cells of one family of forms repeat across a batch (`年度指标值`, `产出指标`,
/// `≥95%`): a batch of thousands of files worked out the same few thousand texts once per
/// file. A cache holds at most `capacity` texts of at most `maxTextBytes` bytes each (some 10 MB
/// at worst) and is emptied when full, so that memory stays bounded whatever the input.
struct TextCache<Value: Sendable>: ~Copyable {
  static var capacity: Int { 1 << 15 }
  static var maxTextBytes: Int { 256 }

  private let values = Mutex<[String: Value]>([:])

  /// The value for `text`, computed by `compute` when it is not cached.
  func value(for text: String, compute: (String) -> Value) -> Value {
    guard text.utf8.count <= Self.maxTextBytes else { return compute(text) }
    if let known = values.withLock({ $0[text] }) { return known }
    let value = compute(text)
    values.withLock { values in
      if values.count >= Self.capacity { values.removeAll(keepingCapacity: true) }
      values[text] = value
    }
    return value
  }
}
