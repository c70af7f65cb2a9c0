<section class="community-home">
<h2>コミュニティ最新書き込み</h2>
<c:if test="${empty section.lines}"><p>まだありません。</p></c:if>
<ul>
<c:forEach items="${section.lines}" var="l">
<li data-topic-id="${l.topicId}"><a href="<c:url value='/communities/${l.communityId}/topics/${l.topicId}'/>"><c:out value="${l.title}"/></a>（${l.commentCount}）<c:out value="${l.communityName}"/> <span style="color:#666"><c:out value="${l.shortWhen}"/></span></li>
</c:forEach>
</ul>
<p><a href="<c:url value='/communities'/>">コミュニティ</a></p>
</section>
