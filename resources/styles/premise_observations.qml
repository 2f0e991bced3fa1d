<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Fields|Forms|AttributeTable|CustomProperties|Relations">
 <customproperties>
  <Option type="Map">
   <Option type="QString" name="QFieldSync/attachment_fields" value="[&quot;photo&quot;]"/>
   <Option type="QString" name="QFieldSync/attachment_naming" value="{&quot;photo&quot;: &quot;'DCIM/' || \&quot;premise_uuid\&quot; || '_' || coalesce(\&quot;campaign_uuid\&quot;, @observatoire_campaign_uuid, 'campagne') || '_' || format_date(now(), 'yyyyMMdd_hhmmss') || '.jpg'&quot;}"/>
   <Option type="QString" name="QFieldSync/photo_naming" value="{&quot;photo&quot;: &quot;'DCIM/' || \&quot;premise_uuid\&quot; || '_' || coalesce(\&quot;campaign_uuid\&quot;, @observatoire_campaign_uuid, 'campagne') || '_' || format_date(now(), 'yyyyMMdd_hhmmss') || '.jpg'&quot;}"/>
  </Option>
 </customproperties>
 <referencedLayers/>
 <fieldConfiguration>
  <field name="fid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="uuid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="premise_uuid" configurationFlags="None">
   <editWidget type="RelationReference">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowAddFeatures" value="false"/>
      <Option type="bool" name="AllowNULL" value="false"/>
      <Option type="bool" name="MapIdentification" value="true"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="ReadOnly" value="false"/>
      <Option type="QString" name="Relation" value="premise_observations_premise_uuid"/>
      <Option type="bool" name="ShowForm" value="false"/>
      <Option type="bool" name="ShowOpenFormButton" value="true"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="campaign_uuid" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="status" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="Occupé" value="occupied"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Vacant" value="vacant"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="En travaux" value="works"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Autre usage" value="other_use"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Démoli" value="demolished"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non renseigné" value="unknown"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="activity_group" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="&lt;NULL>" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Alimentaire" value="alimentaire"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Équipement de la personne" value="equipement_personne"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Équipement de la maison" value="equipement_maison"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Culture-loisirs" value="culture_loisirs"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Hygiène-santé-beauté" value="hygiene_sante_beaute"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Cafés-hôtels-restaurants" value="cafes_hotels_restaurants"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Services marchands" value="services_marchands"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Services non marchands" value="services_non_marchands"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Automobile" value="automobile"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Hors commerce" value="hors_commerce"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="naf_code" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="sign_name" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="chain_type" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="&lt;NULL>" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Indépendant" value="independent"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Enseigne nationale (succursale)" value="chain"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Franchise" value="franchise"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="photo" configurationFlags="None">
   <editWidget type="ExternalResource">
    <config>
     <Option type="Map">
      <Option type="int" name="DocumentViewer" value="1"/>
      <Option type="int" name="DocumentViewerHeight" value="0"/>
      <Option type="int" name="DocumentViewerWidth" value="0"/>
      <Option type="bool" name="FileWidget" value="true"/>
      <Option type="bool" name="FileWidgetButton" value="true"/>
      <Option type="QString" name="FileWidgetFilter" value="Images (*.jpg *.jpeg *.png)"/>
      <Option type="bool" name="FullUrl" value="false"/>
      <Option type="int" name="RelativeStorage" value="1"/>
      <Option type="int" name="StorageMode" value="0"/>
      <Option type="bool" name="UseLink" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="agent" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="observed_at" configurationFlags="None">
   <editWidget type="DateTime">
    <config>
     <Option type="Map">
      <Option type="bool" name="allow_null" value="true"/>
      <Option type="bool" name="calendar_popup" value="true"/>
      <Option type="QString" name="display_format" value="dd/MM/yyyy HH:mm"/>
      <Option type="QString" name="field_format" value="yyyy-MM-ddTHH:mm:ss"/>
      <Option type="bool" name="field_iso_format" value="true"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="notes" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="true"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="visit_state" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="À confirmer" value="to_confirm"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Confirmé" value="confirmed"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Modifié" value="changed"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Nouveau local" value="new"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="prefilled_from_uuid" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="assigned_agent" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="fid" field="fid" index="0"/>
  <alias name="Identifiant" field="uuid" index="1"/>
  <alias name="Local" field="premise_uuid" index="2"/>
  <alias name="Campagne" field="campaign_uuid" index="3"/>
  <alias name="Statut du local" field="status" index="4"/>
  <alias name="Groupe d'activité" field="activity_group" index="5"/>
  <alias name="Code NAF" field="naf_code" index="6"/>
  <alias name="Enseigne" field="sign_name" index="7"/>
  <alias name="Type d'enseigne" field="chain_type" index="8"/>
  <alias name="Photo de la devanture" field="photo" index="9"/>
  <alias name="Agent" field="agent" index="10"/>
  <alias name="Date de la visite" field="observed_at" index="11"/>
  <alias name="Notes" field="notes" index="12"/>
  <alias name="Visite" field="visit_state" index="13"/>
  <alias name="Pré-rempli depuis" field="prefilled_from_uuid" index="14"/>
  <alias name="Agent affecté" field="assigned_agent" index="15"/>
 </aliases>
 <defaults>
  <default expression="" field="fid" applyOnUpdate="0"/>
  <default expression="uuid('WithoutBraces')" field="uuid" applyOnUpdate="0"/>
  <default expression="" field="premise_uuid" applyOnUpdate="0"/>
  <default expression="coalesce(@observatoire_campaign_uuid, aggregate(layer:='campaigns', aggregate:='max', expression:=&quot;uuid&quot;, filter:=&quot;state&quot; = 'open'))" field="campaign_uuid" applyOnUpdate="0"/>
  <default expression="" field="status" applyOnUpdate="0"/>
  <default expression="" field="activity_group" applyOnUpdate="0"/>
  <default expression="" field="naf_code" applyOnUpdate="0"/>
  <default expression="" field="sign_name" applyOnUpdate="0"/>
  <default expression="" field="chain_type" applyOnUpdate="0"/>
  <default expression="" field="photo" applyOnUpdate="0"/>
  <default expression="if(&quot;agent&quot; IS NULL OR &quot;visit_state&quot; = 'to_confirm', coalesce(@observatoire_agent, &quot;assigned_agent&quot;, @user_full_name), &quot;agent&quot;)" field="agent" applyOnUpdate="1"/>
  <default expression="if(&quot;observed_at&quot; IS NULL OR &quot;visit_state&quot; = 'to_confirm', now(), &quot;observed_at&quot;)" field="observed_at" applyOnUpdate="1"/>
  <default expression="" field="notes" applyOnUpdate="0"/>
  <default expression="CASE WHEN &quot;visit_state&quot; IS NULL THEN 'new' WHEN &quot;visit_state&quot; = 'to_confirm' THEN 'confirmed' ELSE &quot;visit_state&quot; END" field="visit_state" applyOnUpdate="1"/>
  <default expression="" field="prefilled_from_uuid" applyOnUpdate="0"/>
  <default expression="" field="assigned_agent" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="1" exp_strength="0" field="fid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="1" exp_strength="0" field="uuid" notnull_strength="1" constraints="3"/>
  <constraint unique_strength="0" exp_strength="0" field="premise_uuid" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="campaign_uuid" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="1" field="status" notnull_strength="1" constraints="5"/>
  <constraint unique_strength="0" exp_strength="1" field="activity_group" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="naf_code" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="sign_name" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="chain_type" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="photo" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="agent" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="observed_at" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="notes" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="visit_state" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="prefilled_from_uuid" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="assigned_agent" notnull_strength="0" constraints="0"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="fid" exp=""/>
  <constraint desc="" field="uuid" exp=""/>
  <constraint desc="" field="premise_uuid" exp=""/>
  <constraint desc="" field="campaign_uuid" exp=""/>
  <constraint desc="Le statut est obligatoire : indiquez si le local est occupé, vacant, en travaux…" field="status" exp="&quot;status&quot; IS NOT NULL AND &quot;status&quot; &lt;> 'unknown'"/>
  <constraint desc="Un local occupé doit avoir un groupe d'activité." field="activity_group" exp="&quot;status&quot; IS NULL OR &quot;status&quot; &lt;> 'occupied' OR &quot;activity_group&quot; IS NOT NULL"/>
  <constraint desc="Code NAF rév. 2 attendu sous la forme 47.11F." field="naf_code" exp="&quot;naf_code&quot; IS NULL OR regexp_match(&quot;naf_code&quot;, '^[0-9]{2}\.[0-9]{2}[A-Z]$')"/>
  <constraint desc="" field="sign_name" exp=""/>
  <constraint desc="" field="chain_type" exp=""/>
  <constraint desc="" field="photo" exp=""/>
  <constraint desc="" field="agent" exp=""/>
  <constraint desc="" field="observed_at" exp=""/>
  <constraint desc="" field="notes" exp=""/>
  <constraint desc="" field="visit_state" exp=""/>
  <constraint desc="" field="prefilled_from_uuid" exp=""/>
  <constraint desc="" field="assigned_agent" exp=""/>
 </constraintExpressions>
 <expressionfields/>
 <attributetableconfig sortOrder="0" sortExpression="" actionWidgetStyle="dropDown">
  <columns/>
 </attributetableconfig>
 <conditionalstyles>
  <rowstyles/>
  <fieldstyles/>
 </conditionalstyles>
 <storedexpressions/>
 <editform tolerant="1"/>
 <editforminit/>
 <editforminitcodesource>0</editforminitcodesource>
 <editforminitfilepath/>
 <editforminitcode><![CDATA[]]></editforminitcode>
 <featformsuppress>0</featformsuppress>
 <editorlayout>tablayout</editorlayout>
 <attributeEditorForm>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Identification" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="premise_uuid" showLabel="1" index="2"/>
   <attributeEditorField name="campaign_uuid" showLabel="1" index="3"/>
   <attributeEditorField name="agent" showLabel="1" index="10"/>
   <attributeEditorField name="observed_at" showLabel="1" index="11"/>
   <attributeEditorField name="assigned_agent" showLabel="1" index="15"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Occupation" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="status" showLabel="1" index="4"/>
   <attributeEditorField name="visit_state" showLabel="1" index="13"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="1" name="Activité" visibilityExpression="&quot;status&quot; = 'occupied'" showLabel="1" columnCount="1">
   <attributeEditorField name="activity_group" showLabel="1" index="5"/>
   <attributeEditorField name="naf_code" showLabel="1" index="6"/>
   <attributeEditorField name="sign_name" showLabel="1" index="7"/>
   <attributeEditorField name="chain_type" showLabel="1" index="8"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Photo" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="photo" showLabel="1" index="9"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Notes" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="notes" showLabel="1" index="12"/>
   <attributeEditorField name="prefilled_from_uuid" showLabel="1" index="14"/>
  </attributeEditorContainer>
 </attributeEditorForm>
 <editable>
  <field editable="1" name="activity_group"/>
  <field editable="1" name="agent"/>
  <field editable="0" name="assigned_agent"/>
  <field editable="0" name="campaign_uuid"/>
  <field editable="1" name="chain_type"/>
  <field editable="0" name="fid"/>
  <field editable="1" name="naf_code"/>
  <field editable="1" name="notes"/>
  <field editable="1" name="observed_at"/>
  <field editable="1" name="photo"/>
  <field editable="0" name="prefilled_from_uuid"/>
  <field editable="1" name="premise_uuid"/>
  <field editable="1" name="sign_name"/>
  <field editable="1" name="status"/>
  <field editable="0" name="uuid"/>
  <field editable="1" name="visit_state"/>
 </editable>
 <labelOnTop/>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <layerGeometryType>4</layerGeometryType>
</qgis>

