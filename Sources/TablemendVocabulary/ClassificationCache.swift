import Synchronization

/// The kinds of cell texts already classified, shared by every conversion of a process.
///
/// `CellClassifier.classify` is a pure function of the text, and the cells of one family of
/// forms repeat across a batch (`年度指标值`, `产出指标`, `≥95%`): a batch of thousands of files
/// classified the same few thousand texts once per file. The cache holds at most `capacity`
/// texts of at most `maxTextBytes` bytes each (about 10 MB at worst) and is emptied when full,
/// so that memory stays bounded whatever the input.
struct ClassificationCache: ~Copyable {
  static let capacity = 1 << 16
  static let maxTextBytes = 96

  private let kinds = Mutex<[String: CellKind]>([:])

  /// The kind of `text`, computed by `classify` when it is not cached.
  func kind(of text: String, classify: (String) -> CellKind) -> CellKind {
    guard text.utf8.count <= Self.maxTextBytes else { return classify(text) }
    if let known = kinds.withLock({ $0[text] }) { return known }
    let kind = classify(text)
    kinds.withLock { kinds in
      if kinds.count >= Self.capacity { kinds.removeAll(keepingCapacity: true) }
      kinds[text] = kind
    }
    return kind
  }
}
