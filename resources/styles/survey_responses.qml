<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Fields|Forms">
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
  <field name="questionnaire_version" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="started_at" configurationFlags="None">
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
  <field name="ended_at" configurationFlags="None">
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
  <field name="submitted_at" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="source" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="source_file" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="source_row" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="interview_mode" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Enquête dans la rue" value="street"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="En ligne" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Par téléphone" value="phone"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="interview_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="consent" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Oui" value="yes"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non" value="no"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="home_commune" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="home_iris" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="age_band" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="15 à 24 ans" value="15_24"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="25 à 34 ans" value="25_34"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="35 à 49 ans" value="35_49"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="50 à 64 ans" value="50_64"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="65 à 74 ans" value="65_74"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="75 ans et plus" value="75_plus"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="gender" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Femme" value="female"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Homme" value="male"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Autre" value="other"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Ne souhaite pas répondre" value="no_answer"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="occupation" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Agriculteur exploitant" value="farmer"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Artisan, commerçant, chef d'entreprise" value="craft_trade"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Cadre, profession intellectuelle supérieure" value="executive"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Profession intermédiaire" value="intermediate"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Employé" value="employee"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Ouvrier" value="worker"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Retraité" value="retired"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Élève, étudiant" value="student"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Chômeur" value="unemployed"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Autre sans activité professionnelle" value="other_inactive"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="works_in_territory" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Oui" value="yes"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non" value="no"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="household_size" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="12"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="household_children" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="10"/>
      <Option type="int" name="Min" value="0"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="household_cars" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="6"/>
      <Option type="int" name="Min" value="0"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_food_daily" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre-ville" value="town_centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre de quartier ou de bourg" value="neighbourhood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale de périphérie" value="periphery"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur internet" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Marché, producteurs, circuits courts" value="market_short_circuit"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Dans une autre ville" value="other_town"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non concerné" value="not_concerned"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_food_daily_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_food_weekly" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre-ville" value="town_centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre de quartier ou de bourg" value="neighbourhood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale de périphérie" value="periphery"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur internet" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Marché, producteurs, circuits courts" value="market_short_circuit"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Dans une autre ville" value="other_town"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non concerné" value="not_concerned"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_food_weekly_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_clothing" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre-ville" value="town_centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre de quartier ou de bourg" value="neighbourhood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale de périphérie" value="periphery"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur internet" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Marché, producteurs, circuits courts" value="market_short_circuit"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Dans une autre ville" value="other_town"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non concerné" value="not_concerned"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_clothing_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_home" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre-ville" value="town_centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre de quartier ou de bourg" value="neighbourhood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale de périphérie" value="periphery"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur internet" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Marché, producteurs, circuits courts" value="market_short_circuit"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Dans une autre ville" value="other_town"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non concerné" value="not_concerned"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_home_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_culture_leisure" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre-ville" value="town_centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre de quartier ou de bourg" value="neighbourhood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale de périphérie" value="periphery"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur internet" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Marché, producteurs, circuits courts" value="market_short_circuit"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Dans une autre ville" value="other_town"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non concerné" value="not_concerned"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_culture_leisure_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_health_beauty" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre-ville" value="town_centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre de quartier ou de bourg" value="neighbourhood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale de périphérie" value="periphery"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur internet" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Marché, producteurs, circuits courts" value="market_short_circuit"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Dans une autre ville" value="other_town"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non concerné" value="not_concerned"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_health_beauty_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_restaurants" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre-ville" value="town_centre"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Centre de quartier ou de bourg" value="neighbourhood"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Zone commerciale de périphérie" value="periphery"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur internet" value="online"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Marché, producteurs, circuits courts" value="market_short_circuit"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Dans une autre ville" value="other_town"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Non concerné" value="not_concerned"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="purchase_restaurants_centrality" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="online_share" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Jamais" value="none"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Moins d'un quart de mes achats" value="under_quarter"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Entre un quart et la moitié" value="quarter_half"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Plus de la moitié" value="over_half"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_offer" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_opening_hours" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_parking" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_public_transport" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_cleanliness" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_safety" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_events" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="satisfaction_overall" configurationFlags="None">
   <editWidget type="Range">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="int" name="Max" value="5"/>
      <Option type="int" name="Min" value="1"/>
      <Option type="int" name="Precision" value="0"/>
      <Option type="int" name="Step" value="1"/>
      <Option type="QString" name="Style" value="SpinBox"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="missing_details" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="local_producers_interest" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Très intéressé" value="very"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Plutôt intéressé" value="somewhat"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Peu intéressé" value="little"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Pas du tout intéressé" value="not_at_all"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="short_circuit_frequency" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Chaque semaine" value="weekly"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Chaque mois" value="monthly"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Rarement" value="rarely"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Jamais" value="never"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="comments" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="true"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="" field="fid" index="0"/>
  <alias name="Identifiant de la réponse" field="uuid" index="1"/>
  <alias name="Version du questionnaire" field="questionnaire_version" index="2"/>
  <alias name="Début de l'entretien" field="started_at" index="3"/>
  <alias name="Fin de l'entretien" field="ended_at" index="4"/>
  <alias name="Reçu par le serveur" field="submitted_at" index="5"/>
  <alias name="Origine (kobo, odk, qfield)" field="source" index="6"/>
  <alias name="Fichier importé" field="source_file" index="7"/>
  <alias name="Ligne dans le fichier" field="source_row" index="8"/>
  <alias name="Mode d'enquête" field="interview_mode" index="9"/>
  <alias name="Lieu de l'enquête" field="interview_centrality" index="10"/>
  <alias name="Acceptez-vous de répondre à quelques questions (5 minutes environ) sur vos habitudes d'achat ? Vos réponses restent anonymes." field="consent" index="11"/>
  <alias name="Code INSEE de votre commune de résidence" field="home_commune" index="12"/>
  <alias name="Code IRIS du quartier (si connu)" field="home_iris" index="13"/>
  <alias name="Quel est votre âge ?" field="age_band" index="14"/>
  <alias name="Vous êtes…" field="gender" index="15"/>
  <alias name="Quelle est votre situation professionnelle ?" field="occupation" index="16"/>
  <alias name="Travaillez-vous dans l'agglomération ?" field="works_in_territory" index="17"/>
  <alias name="Combien de personnes vivent dans votre foyer (vous compris) ?" field="household_size" index="18"/>
  <alias name="Dont combien d'enfants de moins de 15 ans ?" field="household_children" index="19"/>
  <alias name="Combien de voitures compte votre foyer ?" field="household_cars" index="20"/>
  <alias name="Alimentation du quotidien (pain, viande, fruits et légumes) : où achetez-vous le plus souvent ?" field="purchase_food_daily" index="21"/>
  <alias name="Alimentation du quotidien (pain, viande, fruits et légumes) : dans quelle centralité ?" field="purchase_food_daily_centrality" index="22"/>
  <alias name="Grandes courses alimentaires : où achetez-vous le plus souvent ?" field="purchase_food_weekly" index="23"/>
  <alias name="Grandes courses alimentaires : dans quelle centralité ?" field="purchase_food_weekly_centrality" index="24"/>
  <alias name="Habillement, chaussures, accessoires : où achetez-vous le plus souvent ?" field="purchase_clothing" index="25"/>
  <alias name="Habillement, chaussures, accessoires : dans quelle centralité ?" field="purchase_clothing_centrality" index="26"/>
  <alias name="Équipement de la maison, bricolage, jardin : où achetez-vous le plus souvent ?" field="purchase_home" index="27"/>
  <alias name="Équipement de la maison, bricolage, jardin : dans quelle centralité ?" field="purchase_home_centrality" index="28"/>
  <alias name="Culture, loisirs (livres, jeux, sport) : où achetez-vous le plus souvent ?" field="purchase_culture_leisure" index="29"/>
  <alias name="Culture, loisirs (livres, jeux, sport) : dans quelle centralité ?" field="purchase_culture_leisure_centrality" index="30"/>
  <alias name="Hygiène, santé, beauté : où achetez-vous le plus souvent ?" field="purchase_health_beauty" index="31"/>
  <alias name="Hygiène, santé, beauté : dans quelle centralité ?" field="purchase_health_beauty_centrality" index="32"/>
  <alias name="Restaurants, cafés : où achetez-vous le plus souvent ?" field="purchase_restaurants" index="33"/>
  <alias name="Restaurants, cafés : dans quelle centralité ?" field="purchase_restaurants_centrality" index="34"/>
  <alias name="Quelle part de vos achats (hors alimentaire) faites-vous sur internet ?" field="online_share" index="35"/>
  <alias name="L'offre commerciale (choix, diversité)" field="satisfaction_offer" index="36"/>
  <alias name="Les horaires d'ouverture des commerces" field="satisfaction_opening_hours" index="37"/>
  <alias name="Le stationnement" field="satisfaction_parking" index="38"/>
  <alias name="La desserte en transports en commun" field="satisfaction_public_transport" index="39"/>
  <alias name="La propreté" field="satisfaction_cleanliness" index="40"/>
  <alias name="La sécurité" field="satisfaction_safety" index="41"/>
  <alias name="Les animations et événements" field="satisfaction_events" index="42"/>
  <alias name="Le centre-ville dans son ensemble" field="satisfaction_overall" index="43"/>
  <alias name="Lesquels précisément ?" field="missing_details" index="44"/>
  <alias name="Acheter des produits de producteurs locaux vous intéresse-t-il ?" field="local_producers_interest" index="45"/>
  <alias name="À quelle fréquence achetez-vous en circuit court (marché, producteurs) ?" field="short_circuit_frequency" index="46"/>
  <alias name="Autres remarques" field="comments" index="47"/>
 </aliases>
 <defaults>
  <default expression="" field="fid" applyOnUpdate="0"/>
  <default expression="uuid('WithoutBraces')" field="uuid" applyOnUpdate="0"/>
  <default expression="'2025.2'" field="questionnaire_version" applyOnUpdate="0"/>
  <default expression="now()" field="started_at" applyOnUpdate="0"/>
  <default expression="now()" field="ended_at" applyOnUpdate="1"/>
  <default expression="" field="submitted_at" applyOnUpdate="0"/>
  <default expression="'qfield'" field="source" applyOnUpdate="0"/>
  <default expression="" field="source_file" applyOnUpdate="0"/>
  <default expression="" field="source_row" applyOnUpdate="0"/>
  <default expression="" field="interview_mode" applyOnUpdate="0"/>
  <default expression="" field="interview_centrality" applyOnUpdate="0"/>
  <default expression="" field="consent" applyOnUpdate="0"/>
  <default expression="" field="home_commune" applyOnUpdate="0"/>
  <default expression="" field="home_iris" applyOnUpdate="0"/>
  <default expression="" field="age_band" applyOnUpdate="0"/>
  <default expression="" field="gender" applyOnUpdate="0"/>
  <default expression="" field="occupation" applyOnUpdate="0"/>
  <default expression="" field="works_in_territory" applyOnUpdate="0"/>
  <default expression="" field="household_size" applyOnUpdate="0"/>
  <default expression="" field="household_children" applyOnUpdate="0"/>
  <default expression="" field="household_cars" applyOnUpdate="0"/>
  <default expression="" field="purchase_food_daily" applyOnUpdate="0"/>
  <default expression="" field="purchase_food_daily_centrality" applyOnUpdate="0"/>
  <default expression="" field="purchase_food_weekly" applyOnUpdate="0"/>
  <default expression="" field="purchase_food_weekly_centrality" applyOnUpdate="0"/>
  <default expression="" field="purchase_clothing" applyOnUpdate="0"/>
  <default expression="" field="purchase_clothing_centrality" applyOnUpdate="0"/>
  <default expression="" field="purchase_home" applyOnUpdate="0"/>
  <default expression="" field="purchase_home_centrality" applyOnUpdate="0"/>
  <default expression="" field="purchase_culture_leisure" applyOnUpdate="0"/>
  <default expression="" field="purchase_culture_leisure_centrality" applyOnUpdate="0"/>
  <default expression="" field="purchase_health_beauty" applyOnUpdate="0"/>
  <default expression="" field="purchase_health_beauty_centrality" applyOnUpdate="0"/>
  <default expression="" field="purchase_restaurants" applyOnUpdate="0"/>
  <default expression="" field="purchase_restaurants_centrality" applyOnUpdate="0"/>
  <default expression="" field="online_share" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_offer" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_opening_hours" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_parking" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_public_transport" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_cleanliness" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_safety" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_events" applyOnUpdate="0"/>
  <default expression="" field="satisfaction_overall" applyOnUpdate="0"/>
  <default expression="" field="missing_details" applyOnUpdate="0"/>
  <default expression="" field="local_producers_interest" applyOnUpdate="0"/>
  <default expression="" field="short_circuit_frequency" applyOnUpdate="0"/>
  <default expression="" field="comments" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="0" exp_strength="0" field="fid" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="uuid" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="questionnaire_version" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="started_at" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="ended_at" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="submitted_at" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="source" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="source_file" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="source_row" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="interview_mode" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="interview_centrality" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="consent" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="home_commune" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="home_iris" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="age_band" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="gender" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="occupation" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="works_in_territory" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="household_size" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="household_children" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="household_cars" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="purchase_food_daily" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="purchase_food_daily_centrality" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="purchase_food_weekly" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="purchase_food_weekly_centrality" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="purchase_clothing" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="purchase_clothing_centrality" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="purchase_home" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="purchase_home_centrality" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="purchase_culture_leisure" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="purchase_culture_leisure_centrality" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="purchase_health_beauty" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="purchase_health_beauty_centrality" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="purchase_restaurants" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="purchase_restaurants_centrality" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="online_share" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_offer" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_opening_hours" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_parking" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_public_transport" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_cleanliness" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_safety" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_events" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="satisfaction_overall" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="missing_details" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="local_producers_interest" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="short_circuit_frequency" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="comments" notnull_strength="0" constraints="0"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="fid" exp=""/>
  <constraint desc="" field="uuid" exp=""/>
  <constraint desc="" field="questionnaire_version" exp=""/>
  <constraint desc="" field="started_at" exp=""/>
  <constraint desc="" field="ended_at" exp=""/>
  <constraint desc="" field="submitted_at" exp=""/>
  <constraint desc="" field="source" exp=""/>
  <constraint desc="" field="source_file" exp=""/>
  <constraint desc="" field="source_row" exp=""/>
  <constraint desc="Réponse obligatoire." field="interview_mode" exp="&quot;interview_mode&quot; IS NOT NULL"/>
  <constraint desc="Réponse obligatoire." field="interview_centrality" exp="NOT (&quot;interview_mode&quot; = 'street') OR (&quot;interview_centrality&quot; IS NOT NULL)"/>
  <constraint desc="Réponse obligatoire." field="consent" exp="&quot;consent&quot; IS NOT NULL"/>
  <constraint desc="Réponse obligatoire. Code INSEE à 5 caractères (ex. 86194)." field="home_commune" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;home_commune&quot; IS NOT NULL AND regexp_match(&quot;home_commune&quot;, '^([0-9]{5}|2[AB][0-9]{3})$'))"/>
  <constraint desc="Code IRIS à 9 caractères (ex. 861940101)." field="home_iris" exp="&quot;home_iris&quot; IS NULL OR (regexp_match(&quot;home_iris&quot;, '^([0-9]{5}|2[AB][0-9]{3})[0-9]{4}$'))"/>
  <constraint desc="Réponse obligatoire." field="age_band" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;age_band&quot; IS NOT NULL)"/>
  <constraint desc="" field="gender" exp=""/>
  <constraint desc="Réponse obligatoire." field="occupation" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;occupation&quot; IS NOT NULL)"/>
  <constraint desc="" field="works_in_territory" exp=""/>
  <constraint desc="Réponse obligatoire. Valeur attendue entre 1 et 12." field="household_size" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;household_size&quot; IS NOT NULL AND (&quot;household_size&quot; >= 1 AND &quot;household_size&quot; &lt;= 12))"/>
  <constraint desc="Valeur attendue entre 0 et 10. Moins d'enfants que de personnes dans le foyer." field="household_children" exp="&quot;household_children&quot; IS NULL OR ((&quot;household_children&quot; >= 0 AND &quot;household_children&quot; &lt;= 10) AND (&quot;household_size&quot; IS NULL OR &quot;household_children&quot; &lt; &quot;household_size&quot;))"/>
  <constraint desc="Valeur attendue entre 0 et 6." field="household_cars" exp="&quot;household_cars&quot; IS NULL OR ((&quot;household_cars&quot; >= 0 AND &quot;household_cars&quot; &lt;= 6))"/>
  <constraint desc="Réponse obligatoire." field="purchase_food_daily" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;purchase_food_daily&quot; IS NOT NULL)"/>
  <constraint desc="" field="purchase_food_daily_centrality" exp=""/>
  <constraint desc="Réponse obligatoire." field="purchase_food_weekly" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;purchase_food_weekly&quot; IS NOT NULL)"/>
  <constraint desc="" field="purchase_food_weekly_centrality" exp=""/>
  <constraint desc="Réponse obligatoire." field="purchase_clothing" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;purchase_clothing&quot; IS NOT NULL)"/>
  <constraint desc="" field="purchase_clothing_centrality" exp=""/>
  <constraint desc="Réponse obligatoire." field="purchase_home" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;purchase_home&quot; IS NOT NULL)"/>
  <constraint desc="" field="purchase_home_centrality" exp=""/>
  <constraint desc="Réponse obligatoire." field="purchase_culture_leisure" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;purchase_culture_leisure&quot; IS NOT NULL)"/>
  <constraint desc="" field="purchase_culture_leisure_centrality" exp=""/>
  <constraint desc="Réponse obligatoire." field="purchase_health_beauty" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;purchase_health_beauty&quot; IS NOT NULL)"/>
  <constraint desc="" field="purchase_health_beauty_centrality" exp=""/>
  <constraint desc="Réponse obligatoire." field="purchase_restaurants" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;purchase_restaurants&quot; IS NOT NULL)"/>
  <constraint desc="" field="purchase_restaurants_centrality" exp=""/>
  <constraint desc="Réponse obligatoire." field="online_share" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;online_share&quot; IS NOT NULL)"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_offer" exp="&quot;satisfaction_offer&quot; IS NULL OR ((&quot;satisfaction_offer&quot; >= 1 AND &quot;satisfaction_offer&quot; &lt;= 5))"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_opening_hours" exp="&quot;satisfaction_opening_hours&quot; IS NULL OR ((&quot;satisfaction_opening_hours&quot; >= 1 AND &quot;satisfaction_opening_hours&quot; &lt;= 5))"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_parking" exp="&quot;satisfaction_parking&quot; IS NULL OR ((&quot;satisfaction_parking&quot; >= 1 AND &quot;satisfaction_parking&quot; &lt;= 5))"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_public_transport" exp="&quot;satisfaction_public_transport&quot; IS NULL OR ((&quot;satisfaction_public_transport&quot; >= 1 AND &quot;satisfaction_public_transport&quot; &lt;= 5))"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_cleanliness" exp="&quot;satisfaction_cleanliness&quot; IS NULL OR ((&quot;satisfaction_cleanliness&quot; >= 1 AND &quot;satisfaction_cleanliness&quot; &lt;= 5))"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_safety" exp="&quot;satisfaction_safety&quot; IS NULL OR ((&quot;satisfaction_safety&quot; >= 1 AND &quot;satisfaction_safety&quot; &lt;= 5))"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_events" exp="&quot;satisfaction_events&quot; IS NULL OR ((&quot;satisfaction_events&quot; >= 1 AND &quot;satisfaction_events&quot; &lt;= 5))"/>
  <constraint desc="Valeur attendue entre 1 et 5." field="satisfaction_overall" exp="&quot;satisfaction_overall&quot; IS NULL OR ((&quot;satisfaction_overall&quot; >= 1 AND &quot;satisfaction_overall&quot; &lt;= 5))"/>
  <constraint desc="" field="missing_details" exp=""/>
  <constraint desc="Réponse obligatoire." field="local_producers_interest" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;local_producers_interest&quot; IS NOT NULL)"/>
  <constraint desc="Réponse obligatoire." field="short_circuit_frequency" exp="NOT (&quot;consent&quot; = 'yes') OR (&quot;short_circuit_frequency&quot; IS NOT NULL)"/>
  <constraint desc="" field="comments" exp=""/>
 </constraintExpressions>
 <expressionfields/>
 <editform tolerant="1"></editform>
 <editforminit/>
 <editforminitcodesource>0</editforminitcodesource>
 <editforminitfilepath></editforminitfilepath>
 <editforminitcode><![CDATA[]]></editforminitcode>
 <featformsuppress>0</featformsuppress>
 <editorlayout>tablayout</editorlayout>
 <attributeEditorForm>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Entretien" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="interview_mode" showLabel="1" index="9"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="interview_centrality" visibilityExpression="&quot;interview_mode&quot; = 'street'" showLabel="0" columnCount="1">
    <attributeEditorField name="interview_centrality" showLabel="1" index="10"/>
   </attributeEditorContainer>
   <attributeEditorField name="consent" showLabel="1" index="11"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="1" name="Vous" visibilityExpression="&quot;consent&quot; = 'yes'" showLabel="1" columnCount="1">
   <attributeEditorField name="home_commune" showLabel="1" index="12"/>
   <attributeEditorField name="home_iris" showLabel="1" index="13"/>
   <attributeEditorField name="age_band" showLabel="1" index="14"/>
   <attributeEditorField name="gender" showLabel="1" index="15"/>
   <attributeEditorField name="occupation" showLabel="1" index="16"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="works_in_territory" visibilityExpression="&quot;occupation&quot; IN ('farmer', 'craft_trade', 'executive', 'intermediate', 'employee', 'worker')" showLabel="0" columnCount="1">
    <attributeEditorField name="works_in_territory" showLabel="1" index="17"/>
   </attributeEditorContainer>
   <attributeEditorField name="household_size" showLabel="1" index="18"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="household_children" visibilityExpression="(&quot;household_size&quot; IS NOT NULL AND &quot;household_size&quot; > 1)" showLabel="0" columnCount="1">
    <attributeEditorField name="household_children" showLabel="1" index="19"/>
   </attributeEditorContainer>
   <attributeEditorField name="household_cars" showLabel="1" index="20"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="1" name="Vos achats" visibilityExpression="&quot;consent&quot; = 'yes'" showLabel="1" columnCount="1">
   <attributeEditorField name="purchase_food_daily" showLabel="1" index="21"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="purchase_food_daily_centrality" visibilityExpression="&quot;purchase_food_daily&quot; IN ('town_centre', 'neighbourhood')" showLabel="0" columnCount="1">
    <attributeEditorField name="purchase_food_daily_centrality" showLabel="1" index="22"/>
   </attributeEditorContainer>
   <attributeEditorField name="purchase_food_weekly" showLabel="1" index="23"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="purchase_food_weekly_centrality" visibilityExpression="&quot;purchase_food_weekly&quot; IN ('town_centre', 'neighbourhood')" showLabel="0" columnCount="1">
    <attributeEditorField name="purchase_food_weekly_centrality" showLabel="1" index="24"/>
   </attributeEditorContainer>
   <attributeEditorField name="purchase_clothing" showLabel="1" index="25"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="purchase_clothing_centrality" visibilityExpression="&quot;purchase_clothing&quot; IN ('town_centre', 'neighbourhood')" showLabel="0" columnCount="1">
    <attributeEditorField name="purchase_clothing_centrality" showLabel="1" index="26"/>
   </attributeEditorContainer>
   <attributeEditorField name="purchase_home" showLabel="1" index="27"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="purchase_home_centrality" visibilityExpression="&quot;purchase_home&quot; IN ('town_centre', 'neighbourhood')" showLabel="0" columnCount="1">
    <attributeEditorField name="purchase_home_centrality" showLabel="1" index="28"/>
   </attributeEditorContainer>
   <attributeEditorField name="purchase_culture_leisure" showLabel="1" index="29"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="purchase_culture_leisure_centrality" visibilityExpression="&quot;purchase_culture_leisure&quot; IN ('town_centre', 'neighbourhood')" showLabel="0" columnCount="1">
    <attributeEditorField name="purchase_culture_leisure_centrality" showLabel="1" index="30"/>
   </attributeEditorContainer>
   <attributeEditorField name="purchase_health_beauty" showLabel="1" index="31"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="purchase_health_beauty_centrality" visibilityExpression="&quot;purchase_health_beauty&quot; IN ('town_centre', 'neighbourhood')" showLabel="0" columnCount="1">
    <attributeEditorField name="purchase_health_beauty_centrality" showLabel="1" index="32"/>
   </attributeEditorContainer>
   <attributeEditorField name="purchase_restaurants" showLabel="1" index="33"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="purchase_restaurants_centrality" visibilityExpression="&quot;purchase_restaurants&quot; IN ('town_centre', 'neighbourhood')" showLabel="0" columnCount="1">
    <attributeEditorField name="purchase_restaurants_centrality" showLabel="1" index="34"/>
   </attributeEditorContainer>
   <attributeEditorField name="online_share" showLabel="1" index="35"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="1" name="Votre avis sur le centre-ville" visibilityExpression="&quot;consent&quot; = 'yes'" showLabel="1" columnCount="1">
   <attributeEditorField name="satisfaction_offer" showLabel="1" index="36"/>
   <attributeEditorField name="satisfaction_opening_hours" showLabel="1" index="37"/>
   <attributeEditorField name="satisfaction_parking" showLabel="1" index="38"/>
   <attributeEditorField name="satisfaction_public_transport" showLabel="1" index="39"/>
   <attributeEditorField name="satisfaction_cleanliness" showLabel="1" index="40"/>
   <attributeEditorField name="satisfaction_safety" showLabel="1" index="41"/>
   <attributeEditorField name="satisfaction_events" showLabel="1" index="42"/>
   <attributeEditorField name="satisfaction_overall" showLabel="1" index="43"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="1" name="Vos attentes" visibilityExpression="&quot;consent&quot; = 'yes'" showLabel="1" columnCount="1">
   <attributeEditorField name="missing_details" showLabel="1" index="44"/>
   <attributeEditorField name="local_producers_interest" showLabel="1" index="45"/>
   <attributeEditorField name="short_circuit_frequency" showLabel="1" index="46"/>
   <attributeEditorField name="comments" showLabel="1" index="47"/>
  </attributeEditorContainer>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Métadonnées" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="questionnaire_version" showLabel="1" index="2"/>
   <attributeEditorField name="started_at" showLabel="1" index="3"/>
   <attributeEditorField name="ended_at" showLabel="1" index="4"/>
  </attributeEditorContainer>
 </attributeEditorForm>
 <editable>
  <field editable="1" name="age_band"/>
  <field editable="1" name="comments"/>
  <field editable="1" name="consent"/>
  <field editable="0" name="ended_at"/>
  <field editable="1" name="gender"/>
  <field editable="1" name="home_commune"/>
  <field editable="1" name="home_iris"/>
  <field editable="1" name="household_cars"/>
  <field editable="1" name="household_children"/>
  <field editable="1" name="household_size"/>
  <field editable="1" name="interview_centrality"/>
  <field editable="1" name="interview_mode"/>
  <field editable="1" name="local_producers_interest"/>
  <field editable="1" name="missing_details"/>
  <field editable="1" name="occupation"/>
  <field editable="1" name="online_share"/>
  <field editable="1" name="purchase_clothing"/>
  <field editable="1" name="purchase_clothing_centrality"/>
  <field editable="1" name="purchase_culture_leisure"/>
  <field editable="1" name="purchase_culture_leisure_centrality"/>
  <field editable="1" name="purchase_food_daily"/>
  <field editable="1" name="purchase_food_daily_centrality"/>
  <field editable="1" name="purchase_food_weekly"/>
  <field editable="1" name="purchase_food_weekly_centrality"/>
  <field editable="1" name="purchase_health_beauty"/>
  <field editable="1" name="purchase_health_beauty_centrality"/>
  <field editable="1" name="purchase_home"/>
  <field editable="1" name="purchase_home_centrality"/>
  <field editable="1" name="purchase_restaurants"/>
  <field editable="1" name="purchase_restaurants_centrality"/>
  <field editable="0" name="questionnaire_version"/>
  <field editable="1" name="satisfaction_cleanliness"/>
  <field editable="1" name="satisfaction_events"/>
  <field editable="1" name="satisfaction_offer"/>
  <field editable="1" name="satisfaction_opening_hours"/>
  <field editable="1" name="satisfaction_overall"/>
  <field editable="1" name="satisfaction_parking"/>
  <field editable="1" name="satisfaction_public_transport"/>
  <field editable="1" name="satisfaction_safety"/>
  <field editable="1" name="short_circuit_frequency"/>
  <field editable="1" name="source"/>
  <field editable="1" name="source_file"/>
  <field editable="1" name="source_row"/>
  <field editable="0" name="started_at"/>
  <field editable="1" name="submitted_at"/>
  <field editable="1" name="uuid"/>
  <field editable="1" name="works_in_territory"/>
 </editable>
 <labelOnTop>
  <field name="age_band" labelOnTop="1"/>
  <field name="comments" labelOnTop="1"/>
  <field name="consent" labelOnTop="1"/>
  <field name="ended_at" labelOnTop="1"/>
  <field name="gender" labelOnTop="1"/>
  <field name="home_commune" labelOnTop="1"/>
  <field name="home_iris" labelOnTop="1"/>
  <field name="household_cars" labelOnTop="1"/>
  <field name="household_children" labelOnTop="1"/>
  <field name="household_size" labelOnTop="1"/>
  <field name="interview_centrality" labelOnTop="1"/>
  <field name="interview_mode" labelOnTop="1"/>
  <field name="local_producers_interest" labelOnTop="1"/>
  <field name="missing_details" labelOnTop="1"/>
  <field name="occupation" labelOnTop="1"/>
  <field name="online_share" labelOnTop="1"/>
  <field name="purchase_clothing" labelOnTop="1"/>
  <field name="purchase_clothing_centrality" labelOnTop="1"/>
  <field name="purchase_culture_leisure" labelOnTop="1"/>
  <field name="purchase_culture_leisure_centrality" labelOnTop="1"/>
  <field name="purchase_food_daily" labelOnTop="1"/>
  <field name="purchase_food_daily_centrality" labelOnTop="1"/>
  <field name="purchase_food_weekly" labelOnTop="1"/>
  <field name="purchase_food_weekly_centrality" labelOnTop="1"/>
  <field name="purchase_health_beauty" labelOnTop="1"/>
  <field name="purchase_health_beauty_centrality" labelOnTop="1"/>
  <field name="purchase_home" labelOnTop="1"/>
  <field name="purchase_home_centrality" labelOnTop="1"/>
  <field name="purchase_restaurants" labelOnTop="1"/>
  <field name="purchase_restaurants_centrality" labelOnTop="1"/>
  <field name="questionnaire_version" labelOnTop="1"/>
  <field name="satisfaction_cleanliness" labelOnTop="1"/>
  <field name="satisfaction_events" labelOnTop="1"/>
  <field name="satisfaction_offer" labelOnTop="1"/>
  <field name="satisfaction_opening_hours" labelOnTop="1"/>
  <field name="satisfaction_overall" labelOnTop="1"/>
  <field name="satisfaction_parking" labelOnTop="1"/>
  <field name="satisfaction_public_transport" labelOnTop="1"/>
  <field name="satisfaction_safety" labelOnTop="1"/>
  <field name="short_circuit_frequency" labelOnTop="1"/>
  <field name="source" labelOnTop="1"/>
  <field name="source_file" labelOnTop="1"/>
  <field name="source_row" labelOnTop="1"/>
  <field name="started_at" labelOnTop="1"/>
  <field name="submitted_at" labelOnTop="1"/>
  <field name="uuid" labelOnTop="1"/>
  <field name="works_in_territory" labelOnTop="1"/>
 </labelOnTop>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <layerGeometryType>4</layerGeometryType>
</qgis>
