"""What readers type into search, and the section each query should land on.

Written from the pages as a reader with a question would type it: questions
as sentences, pasted error messages (with the reader's own variable names),
API names, and in Chinese the terms of TensorFlow zh-cn (重用, 名称, 作用域,
检查点, 即刻执行, 跟踪) and the other words readers use for them (复用, 动态图).
tests/browser/test_search.py types each into the search box of its
language's home page: the expected section must come first for at least 90%
of a language's queries (the link Material's Enter key opens) and among the
first five for all of them.

Each expected section is a page of docs/<lang>/ and a heading id on it, as
the site's URL has them ('' for a page's top); a query whose section moved
fails with this file's line. A pasted message is read from the error
catalogue (`Pasted`), so that it follows TensorFlow's wording.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pasted:
    """The first error message that docs/<lang>/errors.md shows in a section,
    with the page's names replaced by the reader's."""

    section: str
    names: tuple[tuple[str, str], ...]


# The reader's names in place of the catalogue's (conv1/weights: the study note's).
ALREADY_EXISTS = Pasted('already-exists', (('dense/w', 'model/conv1/weights'),))
DOES_NOT_EXIST = Pasted('does-not-exist', (('dense/w', 'tower_0/conv1/weights'),))
NO_SHAPE = Pasted('no-shape', (('dense/w', 'model/conv1/weights'),))
INVALID_SCOPE_NAME = Pasted('invalid-scope-name', (("'my layer'", "'conv 1'"),))

# (query, expected section: 'page/#id' or 'page/'), by language.
QUERIES: dict[str, list[tuple[str | Pasted, str]]] = {
    'en': [
        # Questions, as a reader types them
        ('why does my variable end up in conv1_1', 'lessons/name-scope/#unique-per-graph'),
        ('get_variable ignores name_scope', 'guide/names/#get-variable-ignores-name-scope'),
        ('tf.Variable in a reused variable scope', 'lessons/variable-scope/#variable-in-reused-scope'),
        ('eager name_scope is not renamed', 'lessons/name-scope/#eager-never-renames'),
        ('reuse=True creates a new variable in eager mode', 'lessons/variable-scope/#eager-creates-new'),
        ('get_collection with a scope finds too many variables', 'guide/collections/#prefix-match'),
        ('what does :0 mean in a tensor name', 'guide/names/#output-index'),
        ('are names unique regardless of case', 'guide/unique-names/#case-insensitive'),
        ('restore a checkpoint into renamed scopes', 'saving/tf1-checkpoints/#rename-with-dict'),
        ('init_from_checkpoint map one scope to another', 'saving/init-from-checkpoint/#scope-to-scope'),
        ('load_weights by_name loads nothing', 'tf2/custom-layers/#by-name-loads-nothing'),
        ('keras automatic layer names dense_1', 'tf2/modules-and-keras/#automatic-names'),
        ('which names survive in a SavedModel', 'saving/tf2-checkpoints/#saved-model'),
        ('checkpoint keys are attribute paths', 'saving/tf2-checkpoints/#keys-are-paths'),
        ('batch normalization moving_mean moving_variance', 'tf2/batch-norm/#names'),
        ('Adam slot variable names in a checkpoint', 'saving/training-names/#tf1-slot-names'),
        ('valid characters in a scope name', 'guide/valid-names/#root-and-nested'),
        ('names inside a tf.function graph', 'tf2/eager-and-tf-function/#tf-function-names'),
        # Pasted error messages
        (ALREADY_EXISTS, 'errors/#already-exists'),
        (DOES_NOT_EXIST, 'errors/#does-not-exist'),
        (NO_SHAPE, 'errors/#no-shape'),
        (INVALID_SCOPE_NAME, 'errors/#invalid-scope-name'),
        # API names
        ('AUTO_REUSE', 'guide/reuse/#auto-reuse'),
        ('reuse_variables', 'guide/reuse/#reuse-variables'),
        ('get_tensor_by_name', 'guide/finding-by-name/#by-name'),
        ('import_graph_def', 'guide/finding-by-name/#import-prefix'),
        ('original_name_scope', 'guide/reentering/#original-name-scope'),
        ('custom_getter', 'guide/power-tools/#custom-getter-name'),
        ('make_template', 'guide/power-tools/#make-template'),
        ('expect_partial', 'saving/tf2-checkpoints/#expect-partial'),
        ('track_tf1_style_variables', 'tf2/migration/#shim'),
        ('MirroredVariable', 'tf2/distribution/#mirrored-variable'),
        ('saved_model_cli', 'saving/file-contents/#saved-model-cli'),
        ('clone_model', 'tf2/composed-models/#clone-model'),
        ('tf.compat.v1.layers with Keras 3', 'tf2/tf-layers/#keras-3-error'),
    ],
    'zh': [
        # 读者输入的问题
        ('为什么变量名后面有_1', 'lessons/name-scope/#unique-per-graph'),
        ('自定义层 权重名', 'tf2/custom-layers/#add-weight-names'),
        ('变量名 加前缀', 'lessons/name-scope/#two-scopes'),
        ('名称 作用域', 'lessons/name-scope/'),
        ('get_variable 为什么不受 name_scope 影响', 'guide/names/#get-variable-ignores-name-scope'),
        ('重用', 'guide/reuse/'),
        ('复用', 'guide/reuse/'),
        ('reuse 会被继承吗', 'guide/reuse/#inherited-reuse'),
        ('即刻执行', 'tf2/eager-and-tf-function/'),
        ('动态图 名称作用域 不重命名', 'lessons/name-scope/#eager-never-renames'),
        ('即时执行 不共享变量', 'lessons/variable-scope/#eager-creates-new'),
        ('检查点 改名 恢复', 'saving/tf1-checkpoints/#rename-with-dict'),
        ('检查点的键 属性路径', 'saving/tf2-checkpoints/#keys-are-paths'),
        ('按前缀查找变量集合', 'guide/collections/#prefix-match'),
        ('张量名 运算名 用反了', 'guide/finding-by-name/#op-or-tensor'),
        ('在会话里按名称喂数据', 'guide/finding-by-name/#session-run-by-name'),
        ('不区分大小写', 'guide/unique-names/#case-insensitive'),
        ('作用域能用中文名称吗', 'guide/valid-names/#chinese-names'),
        ('跟踪得到的计算图里的 Keras 层', 'guide/finding-by-name/#keras-layers-in-graph'),
        ('名称作用域 TensorBoard 分组', 'guide/finding-by-name/#tensorboard-groups'),
        ('层名 自动编号', 'tf2/modules-and-keras/#automatic-names'),
        ('滑动平均', 'saving/training-names/#moving-averages'),
        ('批量归一化 可训练', 'tf2/batch-norm/#names'),
        ('优化器 槽变量', 'saving/training-names/#tf1-slot-names'),
        ('分布策略下的变量', 'tf2/distribution/'),
        # 粘贴的报错信息
        (ALREADY_EXISTS, 'errors/#already-exists'),
        (DOES_NOT_EXIST, 'errors/#does-not-exist'),
        (NO_SHAPE, 'errors/#no-shape'),
        (INVALID_SCOPE_NAME, 'errors/#invalid-scope-name'),
        ('变量已存在', 'errors/#already-exists'),
        ('作用域嵌套不当', 'errors/#improper-nesting'),
        # API 名称
        ('AUTO_REUSE', 'guide/reuse/#auto-reuse'),
        ('make_template 共享', 'guide/power-tools/#make-template'),
        ('track_tf1_style_variables 垫片', 'tf2/migration/#shim'),
        ('init_from_checkpoint 分区变量', 'saving/init-from-checkpoint/#partitioned'),
        ('嵌套模型 get_layer', 'tf2/composed-models/#get-layer'),
    ],
}

# Words the site never uses: each must find nothing, and the empty result
# must point to the error catalogue and the glossary.
NEVER_USED: dict[str, list[str]] = {
    'en': ['quantum entanglement', 'sourdough'],
    'zh': ['量子纠缠', '红烧肉'],
}
