// The compact YAML tree: yaml-cpp's events into flat buffers (see yaml_tree.hpp).
#include "scenarios/yaml_tree.hpp"

#include <istream>
#include <limits>
#include <stdexcept>
#include <streambuf>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace drsim::scenarios::yaml {

namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
}

// One node: 28 bytes. Scalars: text = [a, a + b) of Tree::text. Collections:
// children = [a, a + b) of Tree::children (a map's pairs as key, value: b is 2 x pairs).
struct Item {
  std::uint32_t tag_offset = 0;
  std::uint32_t tag_size = 0;
  std::int32_t line = -1;
  std::int32_t column = -1;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  Kind kind = Kind::null;
};

struct Tree {
  std::vector<Item> items;
  std::vector<std::uint32_t> children;
  std::string text = "?!";  // the two usual tags first, shared by every node that has them
  std::uint32_t root = kNone;

  const Item& at(std::uint32_t i) const { return items[i]; }
};

namespace {

std::uint32_t checked(std::size_t n) {
  if (n >= kNone) throw std::length_error("yaml tree: the document is too large");
  return static_cast<std::uint32_t>(n);
}

// Builds the tree as yaml-cpp's NodeBuilder does: a node is attached to the open
// collection when it is complete (scalars, nulls and aliases at once, collections
// at their end); an alias attaches the node registered for its anchor.
class Builder final : public YAML::EventHandler {
 public:
  explicit Builder(Tree& tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    attach(add(mark, Kind::null, nullptr, anchor));
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    if (anchor < anchors_.size() && anchors_[anchor] != kNone) {
      attach(anchors_[anchor]);
    } else {  // yaml-cpp's parser refuses an unknown anchor before this; stay safe anyway
      attach(add(YAML::Mark::null_mark(), Kind::null, nullptr, 0));
    }
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::uint32_t i = add(mark, Kind::scalar, &tag, anchor);
    Item& item = tree_.items[i];
    item.a = checked(tree_.text.size());
    item.b = checked(value.size());
    tree_.text += value;
    attach(i);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(add(mark, Kind::sequence, &tag, anchor));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(add(mark, Kind::map, &tag, anchor));
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::uint32_t node;
    std::size_t first_pending;
  };

  std::uint32_t add(const YAML::Mark& mark, Kind kind, const std::string* tag, YAML::anchor_t anchor) {
    const std::uint32_t i = checked(tree_.items.size());
    Item item;
    item.kind = kind;
    item.line = mark.line;
    item.column = mark.column;
    if (tag) set_tag(item, *tag);
    tree_.items.push_back(item);
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNone);
      anchors_[anchor] = i;
    }
    return i;
  }

  void set_tag(Item& item, const std::string& tag) {
    if (tag == "?") {
      item.tag_offset = 0;
      item.tag_size = 1;
    } else if (tag == "!") {
      item.tag_offset = 1;
      item.tag_size = 1;
    } else if (!tag.empty()) {
      item.tag_offset = checked(tree_.text.size());
      item.tag_size = checked(tag.size());
      tree_.text += tag;
    }
  }

  void attach(std::uint32_t i) {
    if (frames_.empty()) {
      tree_.root = i;  // the document's one top-level node
    } else {
      pending_.push_back(i);
    }
  }

  void open(std::uint32_t i) {
    attach(i);
    frames_.push_back(Frame{i, pending_.size()});
  }

  void close() {
    if (frames_.empty()) return;
    const Frame f = frames_.back();
    frames_.pop_back();
    Item& item = tree_.items[f.node];
    std::size_t n = pending_.size() - f.first_pending;
    if (item.kind == Kind::map) n -= n % 2;  // the parser always pairs a key with a value
    item.a = checked(tree_.children.size());
    item.b = checked(n);
    tree_.children.insert(tree_.children.end(), pending_.begin() + static_cast<std::ptrdiff_t>(f.first_pending),
                          pending_.begin() + static_cast<std::ptrdiff_t>(f.first_pending + n));
    pending_.resize(f.first_pending);
  }

  Tree& tree_;
  std::vector<std::uint32_t> anchors_{kNone};  // anchors count from 1
  std::vector<Frame> frames_;
  std::vector<std::uint32_t> pending_;  // children of the open collections, innermost last
};

// An input stream over the caller's bytes (no copy, unlike YAML::Load's stringstream).
class ViewBuffer final : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // read only: the get area is never written
    setg(p, p, p + text.size());
  }
};

}  // namespace

Kind Node::kind() const { return tree_ ? tree_->at(index_).kind : Kind::null; }

std::string_view Node::scalar_view() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  if (item.kind != Kind::scalar) return {};
  return std::string_view(tree_->text).substr(item.a, item.b);
}

std::string_view Node::Tag() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  return std::string_view(tree_->text).substr(item.tag_offset, item.tag_size);
}

yaml::Mark Node::Mark() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  return yaml::Mark{item.line, item.column};
}

std::size_t Node::size() const {
  if (!tree_) return 0;
  const Item& item = tree_->at(index_);
  if (item.kind == Kind::map) return item.b / 2;
  if (item.kind == Kind::sequence) return item.b;
  return 0;
}

Node::iterator Node::begin() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  if (item.kind != Kind::map && item.kind != Kind::sequence) return {};
  return iterator(tree_, tree_->children.data() + item.a, item.kind == Kind::map);
}

Node::iterator Node::end() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  if (item.kind != Kind::map && item.kind != Kind::sequence) return {};
  return iterator(tree_, tree_->children.data() + item.a + item.b, item.kind == Kind::map);
}

void Node::iterator::load() const {
  if (map_) {
    value_.first = Node(tree_, at_[0]);
    value_.second = Node(tree_, at_[1]);
  } else {
    static_cast<Node&>(value_) = Node(tree_, at_[0]);
  }
}

Document::Document() = default;
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

Node Document::root() const {
  if (!tree_ || tree_->root == kNone) return Node();
  return Node(tree_.get(), tree_->root);
}

std::size_t Document::node_count() const { return tree_ ? tree_->items.size() : 0; }

Document load(std::string_view text) {
  Document doc;
  doc.tree_ = std::make_unique<Tree>();
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  Builder builder(*doc.tree_);
  parser.HandleNextDocument(builder);  // the first document only, as YAML::Load
  doc.tree_->items.shrink_to_fit();
  doc.tree_->children.shrink_to_fit();
  doc.tree_->text.shrink_to_fit();
  return doc;
}

}  // namespace drsim::scenarios::yaml
