<%-- profile on keitai: the owner's number of マイミク and the way to their mixiGraph --%>
ﾏｲﾐｸ<c:out value="${section}"/>人<br />
<k:link href="/members/${owner.id}/graph" key="${sectionKey}">mixiｸﾞﾗﾌ</k:link><br />
