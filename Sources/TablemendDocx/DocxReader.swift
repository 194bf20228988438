import Foundation
import TablemendModel

/// Reads `.docx` archives and WordprocessingML parts into document blocks.
public enum DocxReader {
}
